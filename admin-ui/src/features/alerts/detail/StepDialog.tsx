import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert as MuiAlert, Button, Dialog, DialogActions, DialogContent, DialogTitle, TextField, Typography } from '@mui/material';
import { ApiError } from '../../../api/http';
import { problemMessage } from '../../../api/problem-message';
import { actorText } from '../../../components/format/actor-text';
import { formatDateTime } from '../../../components/format/date-time';
import { useAlertStep } from '../api/alert-hooks';
import { FOUR_EYES_SEVERITIES, type Alert } from '../api/types';

export type CommentStep = 'resolve' | 'dismiss' | 'confirm-dismissal' | 'refuse-dismissal';

export interface StepDialogProps {
  step: CommentStep | null;
  alert: Alert;
  /** The signed-in user's id: four eyes means the requester of a dismissal cannot confirm it. */
  userId: string | null;
  onClose: () => void;
  onDone: (alert: Alert) => void;
}

const COMMENT_REQUIRED: Record<CommentStep, boolean> = { resolve: true, dismiss: true, 'confirm-dismissal': false, 'refuse-dismissal': true };

/**
 * The steps that take a comment: resolve (what was done), dismiss (why), and the second person's confirmation or
 * refusal of a red or orange dismissal. Dismissing a red or orange alert says up front that it only records a
 * request; the requester is told they cannot confirm their own. Server problems show at the comment field.
 */
export function StepDialog({ step, alert, userId, onClose, onDone }: StepDialogProps) {
  const { t, i18n } = useTranslation();
  const [comment, setComment] = useState('');
  const [touched, setTouched] = useState(false);
  const { state, run, clear } = useAlertStep();
  useEffect(() => {
    setComment('');
    setTouched(false);
    clear();
  }, [step, clear]);
  if (!step) return null;
  const required = COMMENT_REQUIRED[step];
  const fourEyes = FOUR_EYES_SEVERITIES.includes(alert.severity);
  const ownRequest = step === 'confirm-dismissal' && alert.dismissal?.requestedBy.kind === 'user' && alert.dismissal.requestedBy.id === userId;
  const error = state.status === 'error' ? state.error : null;
  const fieldMessage = error instanceof ApiError ? error.fieldMessage('/comment') : undefined;
  const missing = required && touched && !comment.trim();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (required && !comment.trim()) return;
    const next = await run(alert, step, comment);
    if (next) onDone(next);
  };
  const k = (key: string) => `alerts.steps.${step}.${key}`;

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="alert-step-title">
      <form onSubmit={submit} noValidate>
        <DialogTitle id="alert-step-title">{t(k('title'))}</DialogTitle>
        <DialogContent dividers>
          {step === 'dismiss' && (
            <MuiAlert severity={fourEyes ? 'info' : 'warning'} sx={{ mb: 2 }} data-testid="four-eyes-note">
              {fourEyes ? t('alerts.steps.dismiss.fourEyes', { severity: t(`portfolio.severity.${alert.severity}`) }) : t('alerts.steps.dismiss.atOnce')}
            </MuiAlert>
          )}
          {(step === 'confirm-dismissal' || step === 'refuse-dismissal') && alert.dismissal && (
            <Typography sx={{ mb: 2 }}>
              {t('alerts.dismissal.request', { who: actorText(t, alert.dismissal.requestedBy), at: formatDateTime(alert.dismissal.requestedAt, i18n.language) })}
              <br />“{alert.dismissal.reason}”
            </Typography>
          )}
          {ownRequest && (
            <MuiAlert severity="warning" sx={{ mb: 2 }}>
              {t('alerts.dismissal.ownRequest')}
            </MuiAlert>
          )}
          <TextField
            id="alert-step-comment"
            label={t(k('label'))}
            multiline
            minRows={3}
            required={required}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            onBlur={() => setTouched(true)}
            error={Boolean(missing || fieldMessage)}
            helperText={missing ? t(k('required')) : (fieldMessage ?? t(k('help')))}
            slotProps={{ htmlInput: { maxLength: 4000 } }}
            autoFocus
            disabled={ownRequest}
          />
          {error != null && !fieldMessage && (
            <MuiAlert severity="error" sx={{ mt: 2 }}>
              {error instanceof ApiError && error.code === 'four_eyes' ? t('alerts.dismissal.ownRequest') : error instanceof ApiError && error.status === 409 ? t('alerts.steps.conflict') : problemMessage(t, error)}
            </MuiAlert>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t('alerts.steps.cancel')}</Button>
          <Button type="submit" variant="contained" color={step === 'refuse-dismissal' ? 'inherit' : 'primary'} disabled={state.status === 'busy' || ownRequest}>
            {t(k(fourEyes && step === 'dismiss' ? 'submitRequest' : 'submit'))}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
