import { useTranslation } from 'react-i18next';
import { Typography } from '@mui/material';
import { ErrorState, LoadingState } from '../../../components/PageState';
import { useClientAlerts } from '../../alerts/api/alert-hooks';
import { AlertTable } from '../../alerts/list/AlertTable';
import { useNow } from '../../alerts/model/use-now';

/** The client's active alerts with their SLA countdowns; each opens in the inbox. */
export function ClientAlerts({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const alerts = useClientAlerts(clientId);
  const now = useNow();
  if (alerts.status === 'loading') return <LoadingState />;
  if (alerts.status === 'error') return <ErrorState error={alerts.error} onRetry={alerts.reload} />;
  if (alerts.data.items.length === 0) return <Typography color="text.secondary">{t('clients.alerts.none')}</Typography>;
  return <AlertTable items={alerts.data.items} now={now} hideClient />;
}
