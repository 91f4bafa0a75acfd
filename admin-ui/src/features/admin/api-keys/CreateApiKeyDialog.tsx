import { useTranslation } from 'react-i18next';
import { Alert, Box, Button, Checkbox, Dialog, DialogActions, DialogContent, DialogTitle, FormControl, FormControlLabel, FormGroup, FormHelperText, FormLabel, Stack, TextField, Typography } from '@mui/material';
import { problemMessage } from '../../../api/problem-message';
import type { CreatedApiKey } from '../api/types';
import type { FieldProblem } from '../model/form-validation';
import { useApiKeyForm, type ApiKeyFormState } from './useApiKeyForm';

/** The plain new-key form. `scopes` are the ones the server lets a key carry (GET /api/v1/meta). */
export function ApiKeyForm({ id, form, scopes }: { id: string; form: ApiKeyFormState; scopes: string[] }) {
  const { t } = useTranslation();
  const say = (p?: FieldProblem) => (p?.key ? t(p.key, p.values) : p?.text);
  return (
    <Stack component="form" id={id} noValidate spacing={2.5} onSubmit={(e) => void form.submit(e)} sx={{ pt: 1 }}>
      {form.formError != null && (
        <Alert severity="error" role="alert">
          {problemMessage(t, form.formError)}
        </Alert>
      )}
      <TextField
        id={`${id}-name`}
        name="name"
        label={t('admin.apiKeys.fields.name')}
        required
        autoFocus
        autoComplete="off"
        value={form.name}
        onChange={(e) => form.setName(e.target.value)}
        error={Boolean(form.problems['/name'])}
        helperText={say(form.problems['/name']) ?? t('admin.apiKeys.fields.nameHint')}
      />
      <FormControl component="fieldset" required error={Boolean(form.problems['/scopes'])}>
        <FormLabel component="legend">{t('admin.apiKeys.fields.scopes')}</FormLabel>
        <FormHelperText sx={{ mx: 0 }}>{t('admin.apiKeys.fields.scopesHint')}</FormHelperText>
        <FormGroup sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' } }}>
          {scopes.map((scope) => (
            <FormControlLabel
              key={scope}
              control={<Checkbox checked={form.scopes.includes(scope)} onChange={(e) => form.toggleScope(scope, e.target.checked)} name="scopes" value={scope} />}
              label={
                <Box>
                  <Typography variant="body2">{t(`admin.scopes.${scope}`, { defaultValue: scope, nsSeparator: false })}</Typography>
                  <Typography variant="caption" color="text.secondary" sx={{ fontFamily: 'monospace' }}>
                    {scope}
                  </Typography>
                </Box>
              }
            />
          ))}
        </FormGroup>
        {form.problems['/scopes'] && <FormHelperText>{say(form.problems['/scopes'])}</FormHelperText>}
      </FormControl>
    </Stack>
  );
}

/** Create a key; the parent shows the secret from `onCreated`. Mount only while open, so each opening starts empty. */
export function CreateApiKeyDialog({ scopes, onClose, onCreated }: { scopes: string[]; onClose: () => void; onCreated: (key: CreatedApiKey) => void }) {
  const { t } = useTranslation();
  const form = useApiKeyForm(onCreated);
  return (
    <Dialog open onClose={onClose} aria-labelledby="api-key-form-title" maxWidth="sm" fullWidth>
      <DialogTitle id="api-key-form-title">{t('admin.apiKeys.createTitle')}</DialogTitle>
      <DialogContent>
        <ApiKeyForm id="api-key-form" form={form} scopes={scopes} />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('admin.common.cancel')}</Button>
        <Button type="submit" form="api-key-form" variant="contained" disabled={form.submitting}>
          {t('admin.apiKeys.create')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
