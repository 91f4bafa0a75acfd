import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '@mui/material';

/** A small JSON box for values the form has no better control for; invalid JSON is shown, never applied. */
export function JsonField({ value, onChange, label, readOnly, error }: { value: unknown; onChange(v: unknown): void; label: string; readOnly: boolean; error?: boolean }) {
  const { t } = useTranslation();
  const shown = value === undefined ? '' : JSON.stringify(value);
  const [text, setText] = useState(shown);
  const [bad, setBad] = useState(false);
  useEffect(() => {
    setText(shown);
    setBad(false);
  }, [shown]);
  return (
    <TextField
      size="small"
      label={label}
      value={text}
      multiline
      maxRows={6}
      error={error || bad}
      helperText={bad ? t('ruleSets.outputs.invalidJson') : undefined}
      onChange={(e) => {
        setText(e.target.value);
        if (!e.target.value.trim()) return;
        try {
          onChange(JSON.parse(e.target.value));
          setBad(false);
        } catch {
          setBad(true);
        }
      }}
      slotProps={{ input: { readOnly, sx: { fontFamily: 'monospace', fontSize: 13 } } }}
    />
  );
}
