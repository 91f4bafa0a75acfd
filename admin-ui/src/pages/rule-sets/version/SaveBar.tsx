import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Paper, Stack, Typography } from '@mui/material';
import SaveIcon from '@mui/icons-material/SaveOutlined';
import { ApiError } from '../../../api/http';
import { problemMessage } from '../../../api/problem-message';
import type { RuleSetEditorState } from '../../../features/rule-sets/editor/useRuleSetEditor';

/**
 * Save and discard for a draft, always in view. Saving sends the revision the editor loaded; if someone saved in
 * between, the officer chooses between reloading their version and keeping (and copying) their own edits.
 */
export function SaveBar({ editor }: { editor: RuleSetEditorState }) {
  const { t } = useTranslation();
  const { dirty, saving, saveError, conflict, errorCount, jsonError, save, discard, reload } = editor;

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
        event.preventDefault();
        void save();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [save]);

  const blocked = errorCount > 0 || Boolean(jsonError);
  const state = saving ? t('ruleSets.save.saving') : dirty ? t('ruleSets.save.unsaved') : t('ruleSets.save.saved');
  const failure =
    saveError == null || conflict
      ? null
      : saveError instanceof ApiError && saveError.errors.length
        ? t('ruleSets.save.invalidOnServer', { count: saveError.errors.length })
        : problemMessage(t, saveError);
  return (
    <>
      <Paper
        variant="outlined"
        sx={{ position: 'sticky', top: 72, zIndex: (theme) => theme.zIndex.appBar - 1, px: 2, py: 1, mb: 2, bgcolor: dirty ? '#fff8e6' : 'background.paper' }}
      >
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
          <Typography role="status" aria-live="polite" sx={{ flex: 1, fontWeight: dirty ? 600 : 400 }}>
            {state}
            {dirty && blocked && (
              <Typography component="span" color="error.main" sx={{ ml: 1 }}>
                {jsonError ? t('ruleSets.save.jsonBroken') : t('ruleSets.save.fixFirst', { count: errorCount })}
              </Typography>
            )}
          </Typography>
          <Button onClick={discard} disabled={!dirty || saving}>
            {t('ruleSets.save.discard')}
          </Button>
          <Button variant="contained" startIcon={<SaveIcon />} onClick={() => void save()} disabled={!dirty || saving || blocked}>
            {t('ruleSets.save.save')}
          </Button>
        </Stack>
        {failure && (
          <Alert severity="error" role="alert" sx={{ mt: 1 }}>
            {failure}
          </Alert>
        )}
      </Paper>
      <Dialog open={conflict} aria-describedby="conflict-body">
        <DialogTitle>{t('ruleSets.save.conflictTitle')}</DialogTitle>
        <DialogContent>
          <DialogContentText id="conflict-body">{t('ruleSets.save.conflictBody')}</DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => void navigator.clipboard?.writeText(editor.jsonText)}>{t('ruleSets.save.copyMine')}</Button>
          <Button variant="contained" onClick={reload}>
            {t('ruleSets.save.reloadTheirs')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
