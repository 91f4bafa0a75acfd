import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Box, IconButton, InputAdornment, Stack, TextField, Typography } from '@mui/material';
import MetIcon from '@mui/icons-material/CheckCircle';
import UnmetIcon from '@mui/icons-material/RadioButtonUnchecked';
import VisibilityIcon from '@mui/icons-material/Visibility';
import VisibilityOffIcon from '@mui/icons-material/VisibilityOff';
import type { FieldProblem } from '../model/form-validation';
import { passwordChecks } from '../model/password-policy';

export interface PasswordFieldProps {
  id: string;
  label: string;
  value: string;
  username: string;
  problem?: FieldProblem;
  onChange: (value: string) => void;
  autoFocus?: boolean;
}

/**
 * A new password with the policy beside it: each rule ticked off as it is met (icon shape and a word, not colour
 * alone). The field is described by the rules, so screen readers announce them with it.
 */
export function PasswordField({ id, label, value, username, problem, onChange, autoFocus }: PasswordFieldProps) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(false);
  const hintId = useId();
  const say = (p?: FieldProblem) => (p?.key ? t(p.key, p.values) : p?.text);
  return (
    <Box>
      <TextField
        id={id}
        name="password"
        type={shown ? 'text' : 'password'}
        label={label}
        autoComplete="new-password"
        autoFocus={autoFocus}
        required
        value={value}
        onChange={(e) => onChange(e.target.value)}
        error={Boolean(problem)}
        helperText={say(problem)}
        slotProps={{
          htmlInput: { 'aria-describedby': hintId },
          input: {
            endAdornment: (
              <InputAdornment position="end">
                <IconButton onClick={() => setShown((s) => !s)} edge="end" aria-label={shown ? t('admin.users.password.hide') : t('admin.users.password.show')}>
                  {shown ? <VisibilityOffIcon /> : <VisibilityIcon />}
                </IconButton>
              </InputAdornment>
            ),
          },
        }}
      />
      <Box id={hintId} sx={{ mt: 1 }}>
        <Typography variant="caption" color="text.secondary">
          {t('admin.users.password.policyTitle')}
        </Typography>
        <Stack component="ul" spacing={0.25} sx={{ m: 0, p: 0, listStyle: 'none' }} data-testid="password-policy">
          {passwordChecks(value, username).map((c) => (
            <Stack component="li" key={c.rule} direction="row" spacing={0.75} data-rule={c.rule} data-ok={String(c.ok)} sx={{ alignItems: 'center', color: c.ok ? 'success.main' : 'text.secondary' }}>
              {c.ok ? <MetIcon sx={{ fontSize: 16 }} /> : <UnmetIcon sx={{ fontSize: 16 }} />}
              <Typography variant="caption">
                {t(`admin.users.password.rules.${c.rule}`)}
                <Box component="span" sx={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}>
                  {' '}
                  {c.ok ? t('admin.users.password.ruleMet') : t('admin.users.password.ruleNotMet')}
                </Box>
              </Typography>
            </Stack>
          ))}
        </Stack>
      </Box>
    </Box>
  );
}
