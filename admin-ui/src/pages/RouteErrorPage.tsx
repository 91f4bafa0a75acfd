import { useTranslation } from 'react-i18next';
import { Button } from '@mui/material';
import ReportIcon from '@mui/icons-material/ReportProblemOutlined';
import { EmptyState } from '../components/PageState';

/** Shown by the router when a page throws while rendering, instead of a blank screen. */
export function RouteErrorPage() {
  const { t } = useTranslation();
  return (
    <EmptyState
      headingLevel="h1"
      icon={<ReportIcon />}
      title={t('pageState.crashTitle')}
      body={t('pageState.crashBody')}
      action={
        <Button variant="outlined" onClick={() => window.location.reload()}>
          {t('pageState.retry')}
        </Button>
      }
    />
  );
}
