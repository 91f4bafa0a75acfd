import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { InputAdornment, TextField } from '@mui/material';
import { fromDisplay, toDisplay, unitSuffix } from '../model/units';

function parse(text: string): number | undefined {
  const cleaned = text.replace(/[\s,_]/g, '').replace('%', '');
  if (!cleaned) return undefined;
  const n = Number(cleaned);
  return Number.isFinite(n) ? n : undefined;
}

/**
 * A number in the unit people think in: a ratio shows and takes percent (70) and stores the decimal (0.7).
 * The text is kept while typing ("0." or "-" are fine half-way); the stored value changes only when it parses.
 */
export function NumberField({
  value,
  onChange,
  unit,
  label,
  integer,
  error,
  helperText,
  readOnly,
  describedBy,
  width = 150,
  onEmpty,
}: {
  value: unknown;
  onChange(n: number): void;
  unit?: string;
  label: string;
  integer?: boolean;
  error?: boolean;
  helperText?: string;
  readOnly?: boolean;
  describedBy?: string;
  width?: number | string;
  /** Called when the text is cleared (the test console treats an empty field as "not given"). */
  onEmpty?(): void;
}) {
  const { t, i18n } = useTranslation();
  const shown = typeof value === 'number' ? String(toDisplay(value, unit)) : value === undefined || value === null ? '' : String(value);
  const [text, setText] = useState(shown);
  const [focused, setFocused] = useState(false);
  useEffect(() => {
    // A change from outside (the JSON view, a move, a reload) replaces the text; our own typing does not.
    setText((current) => {
      const n = parse(current);
      if (value === undefined && !current.trim()) return current;
      return typeof value === 'number' && n !== undefined && fromDisplay(n, unit) === value ? current : shown;
    });
  }, [value, unit, shown]);
  const parsed = parse(text);
  const bad = text.trim() !== '' && (parsed === undefined || (integer && !Number.isInteger(parsed)));
  const notNumber = typeof value !== 'number' && value !== undefined;
  const suffix = unitSuffix(t, unit);
  // Large amounts (limits in CNY) are read with digit grouping; while typing, the plain digits are kept.
  const grouped = !focused && !bad && parsed !== undefined && Math.abs(parsed) >= 10_000 ? parsed.toLocaleString(i18n.language, { maximumFractionDigits: 10 }) : text;
  return (
    <TextField
      size="small"
      label={label}
      value={grouped}
      onFocus={() => setFocused(true)}
      onBlur={() => setFocused(false)}
      error={error || bad || notNumber}
      helperText={bad ? t(integer ? 'ruleSets.builder.wholeNumber' : 'ruleSets.builder.notANumber') : helperText}
      onChange={(e) => {
        setText(e.target.value);
        if (!e.target.value.trim()) onEmpty?.();
        const n = parse(e.target.value);
        if (n !== undefined && (!integer || Number.isInteger(n))) onChange(fromDisplay(n, unit));
      }}
      fullWidth={false}
      sx={{ width }}
      slotProps={{
        input: { readOnly, endAdornment: suffix ? <InputAdornment position="end">{suffix}</InputAdornment> : undefined },
        htmlInput: { inputMode: 'decimal', 'aria-describedby': describedBy },
      }}
    />
  );
}
