import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router-dom';
import { Box, Link, List, ListItem, Typography } from '@mui/material';
import { useApiResource } from '../../api/use-api-resource';
import { ErrorState, LoadingState } from '../../components/PageState';
import { actionText } from '../audit/AuditEventList';
import type { AuditEvent } from '../audit/types';
import { actorText } from '../../components/format/actor-text';
import { formatDateTime } from '../../components/format/date-time';
import type { Page } from '../../api/page';

/** The latest audit events, each linking to its entity's trail on the audit page. */
export function RecentActivity() {
  const { t, i18n } = useTranslation();
  const recent = useApiResource<Page<AuditEvent>>('/api/v1/audit?limit=8');
  if (recent.status === 'loading') return <LoadingState />;
  if (recent.status === 'error') return <ErrorState error={recent.error} onRetry={recent.reload} />;
  if (recent.data.items.length === 0) return <Typography color="text.secondary">{t('audit.emptyTitle')}</Typography>;
  return (
    <List disablePadding aria-label={t('dashboard.activity.title')}>
      {recent.data.items.map((e) => (
        <ListItem key={e.id} disableGutters sx={{ display: 'block', borderTop: 1, borderColor: 'divider', py: 0.75 }}>
          <Typography variant="body2">
            <strong>{actorText(t, e.actor)}</strong> · {actionText(t, e.action)} ·{' '}
            <Link component={RouterLink} to={`/audit?entity=${encodeURIComponent(e.entityKey)}`} sx={{ fontFamily: 'monospace' }}>
              {e.entityId}
            </Link>
          </Typography>
          <Box component="span" sx={{ typography: 'caption', color: 'text.secondary' }}>
            {formatDateTime(e.at, i18n.language)}
          </Box>
        </ListItem>
      ))}
    </List>
  );
}
