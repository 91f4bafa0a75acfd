import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router-dom';
import { Button } from '@mui/material';
import SearchOffIcon from '@mui/icons-material/SearchOff';
import { EmptyState } from '../components/PageState';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <EmptyState
      headingLevel="h1"
      icon={<SearchOffIcon />}
      title={t('pageState.notFoundTitle')}
      body={t('pageState.notFoundBody')}
      action={
        <Button component={RouterLink} to="/" variant="outlined">
          {t('pageState.backHome')}
        </Button>
      }
    />
  );
}
