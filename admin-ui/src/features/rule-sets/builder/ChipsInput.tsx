import { useTranslation } from 'react-i18next';
import { Autocomplete, Chip, TextField } from '@mui/material';

export interface ChipOption {
  value: string | number;
  label: string;
}

/**
 * A list as chips: pick from known values (an enumeration) or type one and press Enter. Numbers stay numbers when
 * `numeric`. Used for "is one of" lists, tags and conditions.
 */
export function ChipsInput({
  value,
  onChange,
  label,
  options = [],
  numeric,
  readOnly,
  error,
  helperText,
  placeholder,
}: {
  value: unknown[];
  onChange(next: (string | number)[]): void;
  label: string;
  options?: ChipOption[];
  numeric?: boolean;
  readOnly?: boolean;
  error?: boolean;
  helperText?: string;
  placeholder?: string;
}) {
  const { t } = useTranslation();
  const labelOf = (v: unknown) => options.find((o) => o.value === v)?.label ?? String(v);
  const current = value.filter((v): v is string | number => typeof v === 'string' || typeof v === 'number');
  return (
    <Autocomplete<string | number, true, false, true>
      multiple
      freeSolo
      readOnly={readOnly}
      options={options.map((o) => o.value)}
      value={current}
      getOptionLabel={(v) => labelOf(v)}
      onChange={(_, next) => {
        const cleaned = next
          .map((v) => (typeof v === 'string' ? v.trim() : v))
          .filter((v) => v !== '')
          .map((v) => (numeric && typeof v === 'string' && v !== '' && Number.isFinite(Number(v)) ? Number(v) : v));
        onChange([...new Set(cleaned)]);
      }}
      renderValue={(items, getItemProps) =>
        items.map((v, index) => {
          const { key, ...itemProps } = getItemProps({ index });
          return <Chip key={key} size="small" label={labelOf(v)} {...itemProps} />;
        })
      }
      renderInput={(params) => (
        <TextField
          {...params}
          size="small"
          label={label}
          error={error}
          helperText={helperText}
          placeholder={readOnly ? undefined : (placeholder ?? t('ruleSets.builder.chipsPlaceholder'))}
        />
      )}
      sx={{ minWidth: 240, flex: '1 1 260px' }}
    />
  );
}
