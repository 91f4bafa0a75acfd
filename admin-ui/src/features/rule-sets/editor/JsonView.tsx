import { useTranslation } from 'react-i18next';
import { Alert, Box, TextField } from '@mui/material';
import type { JsonParseError } from './json-text';

/**
 * The whole document as JSON, for engineers. Edits apply to the visual editor as soon as they parse; while the
 * text does not parse, the error is shown and the visual editor keeps the last valid document.
 */
export function JsonView({ text, error, onChange, readOnly }: { text: string; error: JsonParseError | null; onChange(text: string): void; readOnly: boolean }) {
  const { t } = useTranslation();
  return (
    <Box>
      {error && (
        <Alert severity="error" role="alert" sx={{ mb: 1 }}>
          {error.line !== undefined ? t('ruleSets.json.parseErrorAt', { line: error.line, column: error.column, message: error.message }) : t('ruleSets.json.parseError', { message: error.message })}
        </Alert>
      )}
      <TextField
        multiline
        minRows={20}
        maxRows={40}
        value={text}
        onChange={(e) => onChange(e.target.value)}
        label={t('ruleSets.json.label')}
        error={Boolean(error)}
        slotProps={{
          input: { readOnly, sx: { fontFamily: '"JetBrains Mono", "Cascadia Mono", Consolas, "Courier New", monospace', fontSize: 13, lineHeight: 1.5 } },
          htmlInput: { spellCheck: false, autoCapitalize: 'off', autoCorrect: 'off' },
        }}
      />
    </Box>
  );
}
