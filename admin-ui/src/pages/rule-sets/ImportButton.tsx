import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, List, ListItem, ListItemText } from '@mui/material';
import UploadIcon from '@mui/icons-material/UploadFile';
import { ApiError } from '../../api/http';
import { problemMessage } from '../../api/problem-message';
import { ruleSetApi } from '../../features/rule-sets/api/rule-set-api';
import { parseJson } from '../../features/rule-sets/editor/json-text';
import { issueText, type Issue } from '../../features/rule-sets/model/issues';
import { schemaIssues } from '../../features/rule-sets/model/schema-check';
import { versionHref } from './rule-set-links';

interface Failure {
  file: string;
  message?: string;
  issues: Issue[];
}

/**
 * Imports a rule-set file (as exported) as a new draft. The file is checked against the rule-set schema in the
 * browser first, so a broken file is explained before anything is sent; the server checks again.
 */
export function ImportButton({ variant = 'outlined' }: { variant?: 'outlined' | 'contained' | 'text' }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);

  const importFile = async (file: File) => {
    const parsed = parseJson(await file.text());
    if (!parsed.ok) return setFailure({ file: file.name, message: t('ruleSets.import.notJson', { message: parsed.error.message }), issues: [] });
    const problems = schemaIssues(parsed.value).filter((i) => i.severity === 'error');
    if (problems.length) return setFailure({ file: file.name, message: t('ruleSets.import.invalid'), issues: problems });
    setBusy(true);
    try {
      const created = await ruleSetApi.importDocument(parsed.value);
      navigate(versionHref(created.key, created.version));
    } catch (error) {
      setFailure({
        file: file.name,
        message: problemMessage(t, error),
        issues: error instanceof ApiError ? error.errors.map((e) => ({ pointer: e.pointer, severity: 'error' as const, source: 'server' as const, text: e.message })) : [],
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <input
        ref={input}
        type="file"
        accept="application/json,.json"
        hidden
        aria-label={t('ruleSets.import.fileLabel')}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void importFile(file);
        }}
      />
      <Button variant={variant} startIcon={<UploadIcon />} disabled={busy} onClick={() => input.current?.click()}>
        {busy ? t('ruleSets.import.busy') : t('ruleSets.import.button')}
      </Button>
      <Dialog open={Boolean(failure)} onClose={() => setFailure(null)} maxWidth="md" fullWidth>
        <DialogTitle>{t('ruleSets.import.failedTitle', { file: failure?.file })}</DialogTitle>
        <DialogContent>
          {failure?.message && <Alert severity="error" role="alert">{failure.message}</Alert>}
          {failure && failure.issues.length > 0 && (
            <List dense>
              {failure.issues.slice(0, 50).map((issue, i) => (
                <ListItem key={i} disableGutters>
                  <ListItemText primary={issueText(t, issue)} secondary={issue.pointer || '/'} slotProps={{ secondary: { sx: { fontFamily: 'monospace' } } }} />
                </ListItem>
              ))}
            </List>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setFailure(null)}>{t('ruleSets.common.close')}</Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
