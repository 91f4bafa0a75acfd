import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Autocomplete, Box, Chip, Stack, TextField, Typography } from '@mui/material';
import { pick, type FactInfo } from '../model/fact-catalog';
import { unitSuffix } from '../model/units';
import { useBuilder } from './builder-context';

const unknownFact = (name: string): FactInfo => ({ name, type: 'unknown', kind: 'unknown', origin: 'inferred' });

/** Matches the name and both descriptions, so "负债" and "debt" find debtToAsset. */
function matches(fact: FactInfo, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  return [fact.name, fact.description?.zh, fact.description?.en].some((s) => s?.toLowerCase().includes(q));
}

/**
 * Picks a fact from the catalog: searchable by name and zh/en description, each entry showing its type, unit and
 * description. A name not in the catalog can be typed and confirmed with Enter (the server's static checks say
 * whether any caller provides it).
 */
export function FactPicker({
  value,
  onChange,
  label,
  error,
  describedBy,
}: {
  value: string;
  onChange(name: string): void;
  label: string;
  error?: boolean;
  describedBy?: string;
}) {
  const { t, i18n } = useTranslation();
  const { facts, readOnly } = useBuilder();
  const options = useMemo(() => [...facts.values()].sort((a, b) => (a.group ?? a.origin).localeCompare(b.group ?? b.origin) || a.name.localeCompare(b.name)), [facts]);
  const current = facts.get(value) ?? (value ? unknownFact(value) : null);
  const resolve = (text: string) =>
    options.find((f) => f.name === text || f.description?.zh === text || f.description?.en === text)?.name ?? text;
  const groupLabel = (f: FactInfo) =>
    f.group ? t(`ruleSets.factGroups.${f.group}`, { defaultValue: f.group }) : t(`ruleSets.factOrigins.${f.origin}`);

  return (
    <Autocomplete<FactInfo, false, true, true>
      freeSolo
      disableClearable
      readOnly={readOnly}
      options={options}
      value={current ?? undefined}
      groupBy={groupLabel}
      isOptionEqualToValue={(a, b) => a.name === (typeof b === 'string' ? b : b.name)}
      getOptionLabel={(o) => (typeof o === 'string' ? o : pick(o.description, i18n.language) || o.name)}
      filterOptions={(list, state) => list.filter((f) => matches(f, state.inputValue)).slice(0, 200)}
      onChange={(_, next) => {
        // Typed text may be a fact's name or its description (what the box shows); map either back to the name.
        const name = typeof next === 'string' ? resolve(next.trim()) : next?.name;
        if (name && name !== value) onChange(name);
      }}
      renderOption={({ key, ...props }, o) => (
        <Box component="li" key={key} {...props}>
          <Stack spacing={0.25} sx={{ minWidth: 0 }}>
            <Typography variant="body2" sx={{ fontWeight: 600 }}>
              {pick(o.description, i18n.language) || o.name}
            </Typography>
            <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
              <Typography variant="caption" sx={{ fontFamily: 'monospace' }}>
                {o.name}
              </Typography>
              <Chip size="small" variant="outlined" label={t(`ruleSets.types.${o.kind}`)} />
              {unitSuffix(t, o.unit) && <Chip size="small" variant="outlined" label={unitSuffix(t, o.unit)} />}
              {o.source && <Chip size="small" label={t(`ruleSets.factSources.${o.source}`, { defaultValue: o.source })} />}
            </Stack>
          </Stack>
        </Box>
      )}
      renderInput={(params) => (
        <TextField
          {...params}
          label={label}
          size="small"
          error={error}
          slotProps={{ ...params.slotProps, htmlInput: { ...params.slotProps.htmlInput, 'aria-describedby': describedBy } }}
        />
      )}
      sx={{ minWidth: 220, flex: '1 1 240px' }}
    />
  );
}
