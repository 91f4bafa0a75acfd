import { useTranslation } from 'react-i18next';
import { IconButton, MenuItem, Stack, TextField, Tooltip } from '@mui/material';
import LinkIcon from '@mui/icons-material/Link';
import PinIcon from '@mui/icons-material/Pin';
import { enumLabel, type FactInfo } from '../model/fact-catalog';
import { defaultValue, isFactRef, type FactKind, type ValueShape } from '../model/operators';
import { useBuilder } from './builder-context';
import { ChipsInput } from './ChipsInput';
import { FactPicker } from './FactPicker';
import { NumberField } from './NumberField';

interface Props {
  value: unknown;
  shape: ValueShape;
  /** The compared fact: its kind, unit and enumeration type the input. */
  fact: FactInfo | undefined;
  kind: FactKind;
  onChange(value: unknown): void;
  label: string;
  error?: boolean;
  describedBy?: string;
}

const canReferenceFact = (shape: ValueShape) => shape !== 'list' && shape !== 'number-range';

/**
 * The value of a condition, typed by the operator and the fact: numbers with their unit (ratios in %), ranges,
 * enumerations from the catalog, dates, yes/no, lists as chips, or another fact to compare with.
 */
export function ValueInput(props: Props) {
  const { t } = useTranslation();
  const { readOnly } = useBuilder();
  const { value, shape, kind, onChange } = props;
  const ref = isFactRef(value);
  const toggle = !readOnly && canReferenceFact(shape) && (
    <Tooltip title={ref ? t('ruleSets.builder.useFixedValue') : t('ruleSets.builder.compareWithFact')}>
      <IconButton
        size="small"
        aria-label={ref ? t('ruleSets.builder.useFixedValue') : t('ruleSets.builder.compareWithFact')}
        onClick={() => onChange(ref ? defaultValue(shape, kind) : { fact: '' })}
      >
        {ref ? <PinIcon fontSize="small" /> : <LinkIcon fontSize="small" />}
      </IconButton>
    </Tooltip>
  );
  return (
    <Stack direction="row" spacing={0.5} sx={{ alignItems: 'flex-start', flex: '1 1 260px', minWidth: 0 }}>
      {ref ? (
        <FactPicker
          value={(value as { fact: string }).fact}
          onChange={(fact) => onChange({ ...(value as object), fact })}
          label={t('ruleSets.builder.otherFact')}
          error={props.error}
          describedBy={props.describedBy}
        />
      ) : (
        <FixedValue {...props} readOnly={readOnly} />
      )}
      {toggle}
    </Stack>
  );
}

function FixedValue({ value, shape, fact, kind, onChange, label, error, describedBy, readOnly }: Props & { readOnly: boolean }) {
  const { t, i18n } = useTranslation();
  const unit = fact?.unit;
  const enumOptions = (fact?.enum ?? []).map((v) => ({ value: v as string | number, label: enumLabel(fact, v, i18n.language) }));
  const common = { label, error, readOnly, describedBy };

  switch (shape) {
    case 'number':
      return <NumberField {...common} value={value} unit={unit} onChange={onChange} />;
    case 'days':
      return <NumberField {...common} value={value} unit="days" integer onChange={onChange} />;
    case 'number-range': {
      const [low, high] = Array.isArray(value) ? value : [undefined, undefined];
      return (
        <Stack direction="row" spacing={1}>
          <NumberField {...common} label={t('ruleSets.builder.rangeFrom', { label })} value={low} unit={unit} onChange={(n) => onChange([n, high ?? n])} />
          <NumberField {...common} label={t('ruleSets.builder.rangeTo', { label })} value={high} unit={unit} onChange={(n) => onChange([low ?? n, n])} />
        </Stack>
      );
    }
    case 'list':
      return (
        <ChipsInput
          label={label}
          value={Array.isArray(value) ? value : typeof value === 'string' ? [value] : []}
          options={enumOptions}
          numeric={kind === 'number'}
          readOnly={readOnly}
          error={error}
          onChange={onChange}
        />
      );
    case 'date':
      return (
        <TextField
          type="date"
          size="small"
          label={label}
          value={typeof value === 'string' ? value.slice(0, 10) : ''}
          error={error}
          onChange={(e) => onChange(e.target.value)}
          fullWidth={false}
          sx={{ width: 180 }}
          slotProps={{ inputLabel: { shrink: true }, input: { readOnly }, htmlInput: { 'aria-describedby': describedBy } }}
        />
      );
    case 'prefix':
      if (Array.isArray(value))
        return <ChipsInput label={label} value={value} readOnly={readOnly} error={error} onChange={onChange} />;
      return <TextValue {...common} value={value} onChange={onChange} />;
    case 'scalar':
    case 'same-as-fact': {
      if (kind === 'boolean' || typeof value === 'boolean')
        return (
          <TextField
            select
            size="small"
            label={label}
            value={value === true ? 'true' : value === false ? 'false' : ''}
            error={error}
            onChange={(e) => onChange(e.target.value === 'true')}
            fullWidth={false}
            sx={{ width: 150 }}
            slotProps={{ input: { readOnly }, htmlInput: { 'aria-describedby': describedBy } }}
          >
            <MenuItem value="true">{t('ruleSets.values.true')}</MenuItem>
            <MenuItem value="false">{t('ruleSets.values.false')}</MenuItem>
          </TextField>
        );
      if (enumOptions.length)
        return (
          <TextField
            select
            size="small"
            label={label}
            value={value === undefined || value === null ? '' : String(value)}
            error={error}
            onChange={(e) => onChange(enumOptions.find((o) => String(o.value) === e.target.value)?.value ?? e.target.value)}
            fullWidth={false}
            sx={{ minWidth: 200, flex: '1 1 220px' }}
            slotProps={{ input: { readOnly }, htmlInput: { 'aria-describedby': describedBy } }}
          >
            {!enumOptions.some((o) => String(o.value) === String(value)) && value !== undefined && <MenuItem value={String(value)}>{String(value)}</MenuItem>}
            {enumOptions.map((o) => (
              <MenuItem key={String(o.value)} value={String(o.value)}>
                {o.label}
              </MenuItem>
            ))}
          </TextField>
        );
      if (kind === 'number' || typeof value === 'number') return <NumberField {...common} value={value} unit={unit} onChange={onChange} />;
      if (kind === 'date') return <FixedValue {...{ value, fact, kind, onChange, label, error, describedBy, readOnly }} shape="date" />;
      return <TextValue {...common} value={value} onChange={onChange} />;
    }
  }
}

function TextValue({ value, onChange, label, error, readOnly, describedBy }: { value: unknown; onChange(v: string): void; label: string; error?: boolean; readOnly?: boolean; describedBy?: string }) {
  return (
    <TextField
      size="small"
      label={label}
      value={typeof value === 'string' ? value : value === undefined || value === null ? '' : JSON.stringify(value)}
      error={error}
      onChange={(e) => onChange(e.target.value)}
      fullWidth={false}
      sx={{ minWidth: 200, flex: '1 1 220px' }}
      slotProps={{ input: { readOnly }, htmlInput: { 'aria-describedby': describedBy } }}
    />
  );
}
