import { useTranslation } from 'react-i18next';
import { Chip } from '@mui/material';
import type { Alert } from '../api/types';

/** The alert's status in words; a pending dismissal request is part of it, since it changes who must act. */
export function AlertStatusChip({ alert }: { alert: Pick<Alert, 'status' | 'dismissal'> }) {
  const { t } = useTranslation();
  const pending = alert.dismissal && ['open', 'acknowledged', 'in_progress'].includes(alert.status);
  return (
    <Chip
      size="small"
      variant={alert.status === 'open' ? 'filled' : 'outlined'}
      color={pending ? 'warning' : alert.status === 'resolved' ? 'success' : 'default'}
      label={pending ? t('alerts.status.dismissalRequested') : t(`alerts.status.${alert.status}`)}
      sx={{ fontWeight: 600 }}
    />
  );
}
