import { useTranslation } from 'react-i18next';
import { Box, Chip } from '@mui/material';
import { SEVERITY_COLOURS } from '../../../components/charts/colours';
import { severityLabel } from '../model/labels';

/** An alert severity or client risk level: the word always, a coloured dot as the second cue. */
export function SeverityChip({ severity, size = 'small' }: { severity: string | null; size?: 'small' | 'medium' }) {
  const { t } = useTranslation();
  if (!severity) return <>—</>;
  const colour = SEVERITY_COLOURS[severity] ?? '#546e7a';
  return (
    <Chip
      size={size}
      variant="outlined"
      label={severityLabel(t, severity)}
      icon={<Box component="span" aria-hidden sx={{ width: 10, height: 10, borderRadius: '50%', bgcolor: colour, ml: '8px !important' }} />}
      sx={{ borderColor: colour, color: 'text.primary', fontWeight: 600 }}
      data-severity={severity}
    />
  );
}
