import { useTranslation } from 'react-i18next';
import { MenuItem, TextField } from '@mui/material';
import { operatorLabel } from '../model/describe';
import { operatorsFor, splitOperator, type FactKind } from '../model/operators';
import { useBuilder } from './builder-context';

/** Only the operators that fit the fact's type; an operator that does not fit is kept and marked, not dropped. */
export function OperatorSelect({ value, kind, onChange, label, error }: { value: string; kind: FactKind; onChange(op: string): void; label: string; error?: boolean }) {
  const { t } = useTranslation();
  const { readOnly } = useBuilder();
  const { decorators, base } = splitOperator(value);
  const options = operatorsFor(kind);
  const fits = options.includes(base);
  return (
    <TextField
      select
      size="small"
      label={label}
      value={base}
      error={error}
      onChange={(e) => onChange(decorators + e.target.value)}
      slotProps={{ input: { readOnly } }}
      sx={{ minWidth: 170, flex: '0 0 190px' }}
      fullWidth={false}
    >
      {!fits && (
        <MenuItem value={base}>
          {t('ruleSets.builder.operatorDoesNotFit', { operator: operatorLabel(t, base) })}
        </MenuItem>
      )}
      {options.map((op) => (
        <MenuItem key={op} value={op}>
          {operatorLabel(t, op)}
        </MenuItem>
      ))}
    </TextField>
  );
}
