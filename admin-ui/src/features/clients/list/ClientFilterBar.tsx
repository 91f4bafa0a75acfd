import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Box, Button, InputAdornment, MenuItem, Paper, Stack, TextField } from '@mui/material';
import SearchIcon from '@mui/icons-material/Search';
import { CLASS5, INDUSTRY_SECTIONS, SEVERITIES } from '../api/types';
import { EMPTY_CLIENT_FILTERS, type ClientFilters } from '../model/client-filters';
import { class5Label, industryLabel, PROVINCE_CODES, provinceLabel, severityLabel } from '../../portfolio/model/labels';

export interface ClientFilterBarProps {
  filters: ClientFilters;
  /** Tiers the segmentation rule set uses (from the aggregates); a tier in the address is kept even if not listed. */
  tiers: string[];
  onApply: (filters: ClientFilters) => void;
}

type SelectName = 'industry' | 'region' | 'tier' | 'class5' | 'riskLevel';

/**
 * Search and filters. Choices apply at once; the search text and the relationship manager apply on Enter or
 * "Search", so a half-typed name does not start a query. The form follows the address (back button, pasted link).
 */
export function ClientFilterBar({ filters, tiers, onApply }: ClientFilterBarProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(filters);
  useEffect(() => setDraft(filters), [filters]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply(draft);
  };
  const choose = (name: SelectName, value: string) => {
    const next = { ...draft, [name]: value };
    setDraft(next);
    onApply(next);
  };
  const options: Record<SelectName, { value: string; label: string }[]> = {
    industry: INDUSTRY_SECTIONS.map((c) => ({ value: c, label: `${c} · ${industryLabel(t, c)}` })),
    region: PROVINCE_CODES.map((c) => ({ value: c, label: `${provinceLabel(t, c)} (${c})` })),
    tier: [...new Set([...tiers, ...(draft.tier ? [draft.tier] : [])])].sort().map((v) => ({ value: v, label: v })),
    class5: CLASS5.map((c) => ({ value: c, label: class5Label(t, c) })),
    riskLevel: SEVERITIES.map((s) => ({ value: s, label: severityLabel(t, s) })),
  };
  const select = (name: SelectName) => (
    <TextField
      key={name}
      select
      size="small"
      id={`client-filter-${name}`}
      label={t(`clients.filters.${name}`)}
      value={draft[name]}
      onChange={(e) => choose(name, e.target.value)}
      slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
    >
      <MenuItem value="">{t('clients.filters.any')}</MenuItem>
      {options[name].map((o) => (
        <MenuItem key={o.value} value={o.value}>
          {o.label}
        </MenuItem>
      ))}
    </TextField>
  );

  return (
    <Paper variant="outlined" component="form" role="search" aria-label={t('clients.filters.label')} onSubmit={submit} noValidate sx={{ p: 2, mb: 2 }}>
      <Box sx={{ display: 'grid', gap: 1.5, gridTemplateColumns: { xs: '1fr 1fr', lg: '2.2fr repeat(3, 1fr)', xl: '2.4fr 1.6fr 1.2fr 0.8fr 1fr 1fr 1.2fr' } }}>
        <TextField
          size="small"
          id="client-filter-q"
          label={t('clients.filters.q')}
          placeholder={t('clients.filters.qPlaceholder')}
          value={draft.q}
          onChange={(e) => setDraft((d) => ({ ...d, q: e.target.value }))}
          slotProps={{ inputLabel: { shrink: true }, input: { startAdornment: <InputAdornment position="start"><SearchIcon fontSize="small" /></InputAdornment> } }}
        />
        {select('industry')}
        {select('region')}
        {select('tier')}
        {select('class5')}
        {select('riskLevel')}
        <TextField
          size="small"
          id="client-filter-rm"
          label={t('clients.filters.rm')}
          placeholder="RM-51-002"
          value={draft.rm}
          onChange={(e) => setDraft((d) => ({ ...d, rm: e.target.value }))}
          slotProps={{ inputLabel: { shrink: true } }}
        />
      </Box>
      <Stack direction="row" spacing={1} sx={{ mt: 1.5, justifyContent: 'flex-end' }}>
        <Button
          onClick={() => {
            setDraft(EMPTY_CLIENT_FILTERS);
            onApply(EMPTY_CLIENT_FILTERS);
          }}
        >
          {t('clients.filters.clear')}
        </Button>
        <Button type="submit" variant="contained">
          {t('clients.filters.search')}
        </Button>
      </Stack>
    </Paper>
  );
}
