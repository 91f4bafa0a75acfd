import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, List, ListItem, ListItemText, TextField } from '@mui/material';
import { ApiError } from '../../../../api/http';
import { problemMessage } from '../../../../api/problem-message';

export interface TransitionRequest {
  title: string;
  /** What will change, named plainly: "Version 3 becomes active; version 2 is retired." */
  consequence: string;
  confirmLabel: string;
  commentRequired?: boolean;
  danger?: boolean;
  run(comment: string): Promise<void>;
}

/** Explains why a lifecycle step failed, in the words the officer needs (four eyes, what blocks publishing). */
export function transitionError(t: ReturnType<typeof useTranslation>['t'], error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === 'four_eyes') return t('ruleSets.approval.fourEyes');
    if (error.code === 'not_publishable') return t('ruleSets.approval.notPublishable');
    if (error.code === 'invalid_transition') return t('ruleSets.approval.invalidTransition', { detail: error.detail });
    if (error.code === 'approval_stale') return t('ruleSets.approval.approvalStale');
  }
  return problemMessage(t, error);
}

/** Confirms a lifecycle step with an optional (or, for rejection, required) comment; shows why it failed. */
export function TransitionDialog({ request, onClose }: { request: TransitionRequest | null; onClose(): void }) {
  const { t } = useTranslation();
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [missing, setMissing] = useState(false);

  const close = () => {
    if (busy) return;
    setComment('');
    setError(null);
    setMissing(false);
    onClose();
  };
  const confirm = async () => {
    if (!request) return;
    if (request.commentRequired && !comment.trim()) return setMissing(true);
    setBusy(true);
    setError(null);
    try {
      await request.run(comment);
      setBusy(false);
      setComment('');
      onClose();
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };
  const serverComment = error instanceof ApiError ? error.fieldMessage('/comment') : undefined;
  return (
    <Dialog open={Boolean(request)} onClose={close} maxWidth="sm" fullWidth aria-describedby="transition-consequence">
      <DialogTitle>{request?.title}</DialogTitle>
      <DialogContent>
        <DialogContentText id="transition-consequence" sx={{ mb: 2, color: 'text.primary', fontWeight: 600 }}>
          {request?.consequence}
        </DialogContentText>
        {error != null && (
          <Alert severity="error" role="alert" sx={{ mb: 2 }}>
            {transitionError(t, error)}
            {error instanceof ApiError && error.code === 'not_publishable' && error.errors.length > 0 && (
              <List dense disablePadding>
                {error.errors.slice(0, 20).map((e, i) => (
                  <ListItem key={i} disableGutters>
                    <ListItemText primary={e.message} secondary={e.pointer} />
                  </ListItem>
                ))}
              </List>
            )}
          </Alert>
        )}
        <TextField
          label={request?.commentRequired ? t('ruleSets.approval.commentRequired') : t('ruleSets.approval.comment')}
          value={comment}
          onChange={(e) => {
            setComment(e.target.value);
            setMissing(false);
          }}
          multiline
          minRows={2}
          required={request?.commentRequired}
          error={missing || Boolean(serverComment)}
          helperText={missing ? t('ruleSets.approval.commentMissing') : serverComment}
          autoFocus
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={close} disabled={busy}>
          {t('ruleSets.common.cancel')}
        </Button>
        <Button variant="contained" color={request?.danger ? 'error' : 'primary'} onClick={() => void confirm()} disabled={busy}>
          {busy ? t('ruleSets.common.working') : request?.confirmLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
