import { useTranslation } from 'react-i18next';
import { Alert as MuiAlert, Button, Stack } from '@mui/material';
import { problemMessage } from '../../../api/problem-message';
import { ApiError } from '../../../api/http';
import { actorText } from '../../../components/format/actor-text';
import { formatDateTime } from '../../../components/format/date-time';
import { useAlertStep } from '../api/alert-hooks';
import { isActive, type Alert } from '../api/types';
import type { CommentStep } from './StepDialog';

/**
 * What can be done next, given the status: acknowledge an open alert, start working on it, resolve it, or dismiss
 * it; while a red or orange dismissal waits for a second person, that person confirms or refuses it here.
 */
export function AlertActions({ alert, userId, onChanged, onStep }: { alert: Alert; userId: string | null; onChanged: (a: Alert) => void; onStep: (step: CommentStep) => void }) {
  const { t, i18n } = useTranslation();
  const { state, run } = useAlertStep();
  if (!isActive(alert.status)) return null;
  const quick = async (step: 'acknowledge' | 'start') => {
    const next = await run(alert, step);
    if (next) onChanged(next);
  };
  const pending = alert.dismissal;
  const mine = pending?.requestedBy.kind === 'user' && pending.requestedBy.id === userId;
  return (
    <Stack spacing={1.5}>
      {pending && (
        <MuiAlert severity="warning" data-testid="dismissal-pending">
          {t('alerts.dismissal.request', { who: actorText(t, pending.requestedBy), at: formatDateTime(pending.requestedAt, i18n.language) })} “{pending.reason}”
          <br />
          {mine ? t('alerts.dismissal.ownRequest') : t('alerts.dismissal.waiting')}
        </MuiAlert>
      )}
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
        {alert.status === 'open' && (
          <Button variant="contained" onClick={() => quick('acknowledge')} disabled={state.status === 'busy'}>
            {t('alerts.actions.acknowledge')}
          </Button>
        )}
        {(alert.status === 'open' || alert.status === 'acknowledged') && (
          <Button variant="outlined" onClick={() => quick('start')} disabled={state.status === 'busy'}>
            {t('alerts.actions.start')}
          </Button>
        )}
        <Button variant="outlined" color="success" onClick={() => onStep('resolve')}>
          {t('alerts.actions.resolve')}
        </Button>
        {!pending && (
          <Button variant="outlined" color="inherit" onClick={() => onStep('dismiss')}>
            {t('alerts.actions.dismiss')}
          </Button>
        )}
        {pending && !mine && (
          <>
            <Button variant="contained" color="warning" onClick={() => onStep('confirm-dismissal')}>
              {t('alerts.actions.confirmDismissal')}
            </Button>
            <Button variant="outlined" color="inherit" onClick={() => onStep('refuse-dismissal')}>
              {t('alerts.actions.refuseDismissal')}
            </Button>
          </>
        )}
      </Stack>
      {state.status === 'error' && (
        <MuiAlert severity="error">{state.error instanceof ApiError && state.error.status === 409 ? t('alerts.steps.conflict') : problemMessage(t, state.error)}</MuiAlert>
      )}
    </Stack>
  );
}
