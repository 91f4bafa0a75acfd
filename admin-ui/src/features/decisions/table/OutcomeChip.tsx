import { useTranslation } from 'react-i18next';
import { Chip, type ChipProps } from '@mui/material';

const COLOURS: Record<string, ChipProps['color']> = { approve: 'success', refer: 'warning', decline: 'error' };

/** A decision's outcome as a chip: the word always, the colour only as a second cue. */
export function OutcomeChip({ outcome }: { outcome: string | null }) {
  const { t } = useTranslation();
  if (outcome === null) return <>—</>;
  return (
    <Chip
      size="small"
      variant="outlined"
      color={COLOURS[outcome] ?? 'default'}
      label={t(`decisions.outcomes.${outcome}`, { defaultValue: outcome, nsSeparator: false })}
      sx={{ maxWidth: '100%', fontWeight: 600 }}
    />
  );
}
