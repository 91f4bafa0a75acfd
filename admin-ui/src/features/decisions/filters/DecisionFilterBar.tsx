import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Autocomplete, Box, Button, MenuItem, Paper, Stack, TextField, Typography } from '@mui/material';
import FilterIcon from '@mui/icons-material/FilterAltOutlined';
import { useRuleSetOptions } from '../api/decision-hooks';
import { EMPTY_FILTERS, filterProblem, type DecisionFilters } from '../model/decision-filters';

// The credit policies' outcomes; other rule sets' outcomes can be typed (and are offered once seen in the list).
const COMMON_OUTCOMES = ['approve', 'refer', 'decline'];

export interface DecisionFilterBarProps {
  filters: DecisionFilters;
  /** Outcomes seen in the loaded rows, offered as suggestions. */
  seenOutcomes: string[];
  onApply: (filters: DecisionFilters) => void;
}

/**
 * The filter form. Text and dates apply on "Apply" (or Enter) so a half-typed value does not start a search; the
 * rule-set choice applies at once. The form follows the address when it changes (back button, a pasted link).
 */
export function DecisionFilterBar({ filters, seenOutcomes, onApply }: DecisionFilterBarProps) {
  const { t, i18n } = useTranslation();
  const ruleSets = useRuleSetOptions();
  const [draft, setDraft] = useState(filters);
  useEffect(() => setDraft(filters), [filters]);
  const problem = filterProblem(draft);
  const set = (name: keyof DecisionFilters, value: string) => setDraft((d) => ({ ...d, [name]: value }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!problem) onApply(draft);
  };
  const outcomes = [...new Set([...COMMON_OUTCOMES, ...seenOutcomes])];
  const ruleSetItems = ruleSets.status === 'ready' ? ruleSets.data.items : null;
  const outcomeLabel = (o: string) => t(`decisions.outcomes.${o}`, { defaultValue: o, nsSeparator: false });
  const name = (item: { key: string; name: { zh?: string; en?: string } }) => (i18n.language.startsWith('zh') ? item.name.zh : item.name.en) ?? item.key;

  return (
    <Paper variant="outlined" component="form" role="search" aria-label={t('decisions.filters.label')} onSubmit={submit} noValidate sx={{ p: 2, mb: 2 }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1.5, color: 'text.secondary' }}>
        <FilterIcon fontSize="small" />
        <Typography variant="subtitle2" component="h2">
          {t('decisions.filters.title')}
        </Typography>
      </Stack>
      <Box sx={{ display: 'grid', gap: 1.5, gridTemplateColumns: { xs: '1fr 1fr', lg: 'repeat(3, 1fr)', xl: '2fr 1.2fr 1.2fr 1.2fr 1fr 1fr' } }}>
        {ruleSetItems ? (
          <TextField
            select
            size="small"
            label={t('decisions.filters.ruleSet')}
            value={ruleSetItems.some((r) => r.key === draft.ruleSet) || !draft.ruleSet ? draft.ruleSet : ''}
            onChange={(e) => {
              set('ruleSet', e.target.value);
              if (!problem) onApply({ ...draft, ruleSet: e.target.value });
            }}
            slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
          >
            <MenuItem value="">{t('decisions.filters.anyRuleSet')}</MenuItem>
            {ruleSetItems.map((r) => (
              <MenuItem key={r.key} value={r.key}>
                {name(r)} ({r.key})
              </MenuItem>
            ))}
          </TextField>
        ) : (
          <TextField size="small" label={t('decisions.filters.ruleSet')} value={draft.ruleSet} onChange={(e) => set('ruleSet', e.target.value)} />
        )}
        <Autocomplete
          freeSolo
          options={outcomes}
          value={draft.outcome || null}
          onChange={(_e, value) => set('outcome', value ?? '')}
          inputValue={draft.outcome}
          onInputChange={(_e, value) => set('outcome', value)}
          getOptionLabel={(o) => o}
          renderOption={(props, o) => {
            const { key: _key, ...rest } = props as typeof props & { key?: string };
            const label = outcomeLabel(o);
            return (
              <li {...rest} key={o}>
                {label}
                {label !== o && (
                  <Box component="code" sx={{ ml: 1, color: 'text.secondary' }}>
                    {o}
                  </Box>
                )}
              </li>
            );
          }}
          renderInput={(params) => <TextField {...params} size="small" label={t('decisions.filters.outcome')} />}
        />
        <TextField size="small" label={t('decisions.filters.caller')} value={draft.caller} onChange={(e) => set('caller', e.target.value)} />
        <TextField size="small" label={t('decisions.filters.client')} value={draft.client} onChange={(e) => set('client', e.target.value)} />
        <TextField
          size="small"
          type="date"
          label={t('decisions.filters.from')}
          value={draft.from}
          onChange={(e) => set('from', e.target.value)}
          error={Boolean(problem)}
          slotProps={{ inputLabel: { shrink: true } }}
        />
        <TextField
          size="small"
          type="date"
          label={t('decisions.filters.to')}
          value={draft.to}
          onChange={(e) => set('to', e.target.value)}
          error={Boolean(problem)}
          helperText={problem ? t(problem) : undefined}
          slotProps={{ inputLabel: { shrink: true } }}
        />
      </Box>
      <Stack direction="row" spacing={1} sx={{ mt: 1.5, justifyContent: 'flex-end' }}>
        <Button
          onClick={() => {
            setDraft(EMPTY_FILTERS);
            onApply(EMPTY_FILTERS);
          }}
        >
          {t('decisions.filters.clear')}
        </Button>
        <Button type="submit" variant="contained" disabled={Boolean(problem)}>
          {t('decisions.filters.apply')}
        </Button>
      </Stack>
    </Paper>
  );
}
