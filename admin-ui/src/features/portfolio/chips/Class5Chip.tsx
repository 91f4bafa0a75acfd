import { useTranslation } from 'react-i18next';
import { Chip } from '@mui/material';
import { CLASS5_COLOURS } from '../../../components/charts/colours';
import { class5Label } from '../model/labels';

/** A five-category class in the user's language; the regulatory Chinese term is the tooltip in English. */
export function Class5Chip({ value }: { value: string | null }) {
  const { t, i18n } = useTranslation();
  if (!value) return <>—</>;
  const zh = i18n.language.startsWith('zh');
  return (
    <Chip
      size="small"
      variant="outlined"
      label={class5Label(t, value)}
      title={zh ? undefined : value}
      lang={zh ? undefined : 'en'}
      sx={{ borderColor: CLASS5_COLOURS[value] ?? 'divider', color: 'text.primary', fontWeight: 600, maxWidth: '100%' }}
    />
  );
}
