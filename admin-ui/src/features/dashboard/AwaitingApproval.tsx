import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router-dom';
import { Link, List, ListItem, Typography } from '@mui/material';
import { ErrorState, LoadingState } from '../../components/PageState';
import { actorText } from '../../components/format/actor-text';
import { formatDateTime } from '../../components/format/date-time';
import { useAwaitingApproval } from './use-awaiting-approval';

/** Rule-set versions in review that the signed-in approver may approve (not their own). */
export function AwaitingApproval({ userId }: { userId: string }) {
  const { t, i18n } = useTranslation();
  const [attempt, setAttempt] = useState(0);
  const state = useAwaitingApproval(userId, attempt);
  if (state.status === 'loading') return <LoadingState />;
  if (state.status === 'error') return <ErrorState error={state.error} onRetry={() => setAttempt((n) => n + 1)} />;
  if (state.items.length === 0) return <Typography color="text.secondary">{t('dashboard.approvals.none')}</Typography>;
  const name = (n: { zh?: string; en?: string }, key: string) => (i18n.language.startsWith('zh') ? (n.zh ?? n.en) : (n.en ?? n.zh)) ?? key;
  return (
    <List disablePadding aria-label={t('dashboard.approvals.title')}>
      {state.items.map((v) => (
        <ListItem key={`${v.key}@${v.version}`} disableGutters sx={{ display: 'block', borderTop: 1, borderColor: 'divider', py: 1 }}>
          <Link component={RouterLink} to={`/rule-sets/${encodeURIComponent(v.key)}`} sx={{ fontWeight: 600 }}>
            {name(v.name, v.key)} · v{v.version}
          </Link>
          <Typography variant="body2" color="text.secondary">
            {v.submitted ? t('dashboard.approvals.submitted', { who: actorText(t, v.submitted.by), at: formatDateTime(v.submitted.at, i18n.language) }) : v.key}
          </Typography>
          {v.submitted?.comment && (
            <Typography variant="body2" sx={{ fontStyle: 'italic' }}>
              “{v.submitted.comment}”
            </Typography>
          )}
        </ListItem>
      ))}
    </List>
  );
}
