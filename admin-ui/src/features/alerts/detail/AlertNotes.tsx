import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert as MuiAlert, Box, Button, List, ListItem, Stack, TextField, Typography } from '@mui/material';
import { ApiError } from '../../../api/http';
import { problemMessage } from '../../../api/problem-message';
import { actorText } from '../../../components/format/actor-text';
import { formatDateTime } from '../../../components/format/date-time';
import { addNote } from '../api/alert-hooks';
import type { AlertNote } from '../api/types';

/**
 * Notes are append-only (never edited or removed), so the form says so and the list reads as a log. A new note is
 * added to the list from the server's answer, without reading the alert again (the alert's ETag counts its notes,
 * so a later re-read is not answered 304 with the old list).
 */
export function AlertNotes({ alertId, notes, canWrite, onAdded }: { alertId: string; notes: AlertNote[]; canWrite: boolean; onAdded: (note: AlertNote) => void }) {
  const { t, i18n } = useTranslation();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) return;
    setBusy(true);
    setError(null);
    try {
      const note = await addNote(alertId, text.trim());
      setText('');
      onAdded(note);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const fieldMessage = error instanceof ApiError ? error.fieldMessage('/text') : undefined;
  return (
    <Box>
      {notes.length === 0 ? (
        <Typography color="text.secondary">{t('alerts.notes.none')}</Typography>
      ) : (
        <List disablePadding aria-label={t('alerts.notes.label')}>
          {notes.map((n) => (
            <ListItem key={n.seq} disableGutters sx={{ display: 'block', borderTop: 1, borderColor: 'divider', py: 1 }}>
              <Typography variant="caption" color="text.secondary">
                #{n.seq} · {actorText(t, n.by)} · {formatDateTime(n.at, i18n.language)}
              </Typography>
              <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
                {n.text}
              </Typography>
            </ListItem>
          ))}
        </List>
      )}
      {canWrite && (
        <Stack component="form" onSubmit={submit} spacing={1} sx={{ mt: 2 }} noValidate>
          <TextField
            id="alert-note-text"
            label={t('alerts.notes.add')}
            multiline
            minRows={2}
            value={text}
            onChange={(e) => setText(e.target.value)}
            error={Boolean(fieldMessage)}
            helperText={fieldMessage ?? t('alerts.notes.appendOnly')}
            slotProps={{ htmlInput: { maxLength: 4000 } }}
          />
          {error != null && !fieldMessage && <MuiAlert severity="error">{problemMessage(t, error)}</MuiAlert>}
          <Box>
            <Button type="submit" variant="outlined" disabled={busy || !text.trim()}>
              {t('alerts.notes.submit')}
            </Button>
          </Box>
        </Stack>
      )}
    </Box>
  );
}
