import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, AlertTitle, Button, Dialog, DialogActions, DialogContent, DialogTitle, InputAdornment, TextField, Typography } from '@mui/material';
import CopyIcon from '@mui/icons-material/ContentCopy';
import DoneIcon from '@mui/icons-material/Done';
import type { CreatedApiKey } from '../api/types';
import { copyText } from './copy-text';

type CopyState = 'idle' | 'copied' | 'failed';

/**
 * Shows a new key's secret, the only time anyone sees it: a copy button, a plain warning, and no way to close it by
 * accident (no backdrop click, no Escape) — only the explicit "I have stored it". The parent drops the secret from
 * its state when this closes, so it cannot be shown again.
 */
export function SecretDialog({ apiKey, onClose }: { apiKey: CreatedApiKey; onClose: () => void }) {
  const { t } = useTranslation();
  const [copy, setCopy] = useState<CopyState>('idle');
  const field = useRef<HTMLInputElement>(null);
  const doCopy = async () => {
    const ok = await copyText(apiKey.secret);
    setCopy(ok ? 'copied' : 'failed');
    if (!ok) field.current?.select(); // selected, so Ctrl+C copies it by hand
  };
  return (
    <Dialog open aria-labelledby="secret-title" aria-describedby="secret-warning" maxWidth="sm" fullWidth>
      <DialogTitle id="secret-title">{t('admin.apiKeys.secret.title', { name: apiKey.name })}</DialogTitle>
      <DialogContent>
        <Alert severity="warning" id="secret-warning" sx={{ mb: 2 }}>
          <AlertTitle>{t('admin.apiKeys.secret.onceTitle')}</AlertTitle>
          {t('admin.apiKeys.secret.onceBody')}
        </Alert>
        <TextField
          label={t('admin.apiKeys.secret.label')}
          value={apiKey.secret}
          inputRef={field}
          onFocus={(e) => e.target.select()}
          slotProps={{
            htmlInput: { readOnly: true, spellCheck: false, 'data-testid': 'api-key-secret', style: { fontFamily: 'monospace' } },
            input: {
              endAdornment: (
                <InputAdornment position="end">
                  <Button onClick={() => void doCopy()} startIcon={copy === 'copied' ? <DoneIcon /> : <CopyIcon />}>
                    {copy === 'copied' ? t('admin.apiKeys.secret.copied') : t('admin.apiKeys.secret.copy')}
                  </Button>
                </InputAdornment>
              ),
            },
          }}
        />
        <Typography role="status" variant="body2" sx={{ mt: 1, minHeight: '1.5em' }} color={copy === 'failed' ? 'error' : 'success.main'}>
          {copy === 'copied' && t('admin.apiKeys.secret.copiedNote')}
          {copy === 'failed' && t('admin.apiKeys.secret.copyFailed')}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {t('admin.apiKeys.secret.usage')}
        </Typography>
      </DialogContent>
      <DialogActions>
        <Button variant="contained" onClick={onClose}>
          {t('admin.apiKeys.secret.done')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
