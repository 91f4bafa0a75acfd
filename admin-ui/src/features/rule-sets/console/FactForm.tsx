import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Box, MenuItem, Stack, TextField, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { ChipsInput } from '../builder/ChipsInput';
import { NumberField } from '../builder/NumberField';
import { enumLabel, factLabel } from '../model/fact-catalog';
import type { FactField } from './fact-fields';
import type { FactFormMode, FactFormState } from './useFactForm';

const FILTER_FROM = 12;

/** A literal typed into a field of unknown type: a number, true/false, or the text itself. */
function literal(text: string): unknown {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  if (trimmed === 'true' || trimmed === 'false') return trimmed === 'true';
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : text;
}

function FactInput({ field, value, onChange }: { field: FactField; value: unknown; onChange(v: unknown): void }) {
  const { t, i18n } = useTranslation();
  const { info, name } = field;
  const label = factLabel(info, name, i18n.language) + (field.required ? ' *' : '');
  const helper = name;
  const common = { size: 'small' as const, label, helperText: helper, fullWidth: true };
  const notGiven = <MenuItem value="">{t('ruleSets.console.notGiven')}</MenuItem>;
  switch (info.kind) {
    case 'number':
      return (
        <NumberField
          label={label}
          value={value}
          unit={info.unit}
          integer={info.type === 'integer'}
          helperText={helper}
          width="100%"
          onChange={onChange}
          onEmpty={() => onChange(undefined)}
        />
      );
    case 'boolean':
      return (
        <TextField {...common} select value={value === undefined ? '' : String(value)} onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value === 'true')}>
          {notGiven}
          <MenuItem value="true">{t('ruleSets.values.true')}</MenuItem>
          <MenuItem value="false">{t('ruleSets.values.false')}</MenuItem>
        </TextField>
      );
    case 'date':
      return <TextField {...common} type="date" value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value || undefined)} slotProps={{ inputLabel: { shrink: true } }} />;
    case 'array':
      return (
        <ChipsInput
          label={label}
          helperText={helper}
          value={Array.isArray(value) ? value : []}
          options={(info.enum ?? []).map((v) => ({ value: v as string | number, label: enumLabel(info, v, i18n.language) }))}
          onChange={(v) => onChange(v.length ? v : undefined)}
        />
      );
    case 'string':
      if (info.enum?.length)
        return (
          <TextField {...common} select value={value === undefined ? '' : String(value)} onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}>
            {notGiven}
            {info.enum.map((v) => (
              <MenuItem key={String(v)} value={String(v)}>
                {enumLabel(info, v, i18n.language)}
              </MenuItem>
            ))}
          </TextField>
        );
      return <TextField {...common} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value || undefined)} />;
    default:
      return (
        <TextField
          {...common}
          value={value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value)}
          onChange={(e) => onChange(literal(e.target.value))}
        />
      );
  }
}

/**
 * The facts of a test run: one typed field per fact the rule set reads (declared inputs first, marked * when
 * required), ratios in percent, enumerations as lists; or the same facts as JSON to paste.
 */
export function FactForm({ form }: { form: FactFormState }) {
  const { t, i18n } = useTranslation();
  const [filter, setFilter] = useState('');
  const q = filter.trim().toLowerCase();
  const shown = form.fields.filter(
    (f) => !q || [f.name, f.info.description?.zh, f.info.description?.en].some((s) => s?.toLowerCase().includes(q)),
  );
  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
        <ToggleButtonGroup size="small" exclusive value={form.mode} onChange={(_, m: FactFormMode | null) => m && form.setMode(m)} aria-label={t('ruleSets.console.inputMode')}>
          <ToggleButton value="form">{t('ruleSets.console.modeForm')}</ToggleButton>
          <ToggleButton value="json">{t('ruleSets.console.modeJson')}</ToggleButton>
        </ToggleButtonGroup>
        <TextField
          size="small"
          type="date"
          label={t('ruleSets.console.asOf')}
          value={form.asOf}
          onChange={(e) => form.setAsOf(e.target.value)}
          fullWidth={false}
          sx={{ width: 190 }}
          helperText={t('ruleSets.console.asOfHelp')}
          slotProps={{ inputLabel: { shrink: true } }}
        />
        {form.mode === 'form' && form.fields.length >= FILTER_FROM && (
          <TextField size="small" label={t('ruleSets.console.filter')} value={filter} onChange={(e) => setFilter(e.target.value)} fullWidth={false} sx={{ width: 260 }} />
        )}
      </Stack>
      {form.mode === 'json' ? (
        <TextField
          multiline
          minRows={10}
          maxRows={30}
          label={t('ruleSets.console.factsJson')}
          value={form.jsonText}
          onChange={(e) => form.setJsonText(e.target.value)}
          error={Boolean(form.jsonError)}
          helperText={form.jsonError ? (form.jsonError === 'notObject' ? t('ruleSets.console.jsonNotObject') : form.jsonError) : t('ruleSets.console.factsJsonHelp')}
          slotProps={{ input: { sx: { fontFamily: 'monospace', fontSize: 13 } }, htmlInput: { spellCheck: false } }}
        />
      ) : form.fields.length === 0 ? (
        <Typography color="text.secondary">{t('ruleSets.console.noFacts')}</Typography>
      ) : (
        <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))', gap: 2 }}>
          {shown.map((field) => (
            <Box key={field.name} data-fact={field.name}>
              <FactInput field={field} value={form.values[field.name]} onChange={(v) => form.setValue(field.name, v)} />
            </Box>
          ))}
          {shown.length === 0 && <Typography color="text.secondary">{t('ruleSets.console.noMatch', { filter, lang: i18n.language })}</Typography>}
        </Box>
      )}
    </Stack>
  );
}
