import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router-dom';
import { Button } from '@mui/material';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import { PageHeader } from '../../components/PageHeader';
import { ImportWizard } from '../../features/clients/import/ImportWizard';
import { useImportWizard } from '../../features/clients/import/use-import-wizard';

/** Import clients from a CSV or JSON Lines file (upsert by USCC, LEI or registration number). */
export function ClientImportPage() {
  const { t } = useTranslation();
  const w = useImportWizard();
  return (
    <>
      <Button component={RouterLink} to="/clients" startIcon={<ArrowBackIcon />} sx={{ mb: 1 }}>
        {t('clients.detail.back')}
      </Button>
      <PageHeader title={t('clients.import.title')} description={t('clients.import.description')} />
      <ImportWizard state={w.state} onFile={w.chooseFile} onFormat={w.setFormat} onMode={w.setMode} onStart={w.start} onAgain={w.reset} />
    </>
  );
}
