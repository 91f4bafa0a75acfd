import { useTranslation } from 'react-i18next';
import { Paper } from '@mui/material';
import ConstructionIcon from '@mui/icons-material/ConstructionOutlined';
import { PageHeader } from './PageHeader';
import { EmptyState } from './PageState';

/** A page whose area is not built yet: its real title and purpose, and an honest "coming later" note. */
export function ComingSoonPage({ titleKey, descriptionKey }: { titleKey: string; descriptionKey: string }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t(titleKey)} description={t(descriptionKey)} />
      <Paper variant="outlined">
        <EmptyState icon={<ConstructionIcon />} title={t('pageState.comingSoonTitle')} body={t('pageState.comingSoonBody')} />
      </Paper>
    </>
  );
}
