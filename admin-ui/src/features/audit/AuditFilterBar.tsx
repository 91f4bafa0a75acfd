import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Autocomplete, Box, Button, Paper, Stack, TextField } from '@mui/material';
import { EMPTY_AUDIT_FILTERS, type AuditFilters } from './audit-filters';
import { actionText } from './AuditEventList';

// The actions the server records today; others can be typed.
export const KNOWN_ACTIONS = [
  'user.created', 'user.updated', 'user.password-changed', 'api-key.created', 'api-key.revoked',
  'rule-set.draft-created', 'rule-set.imported', 'rule-set.draft-updated', 'rule-set.draft-deleted', 'rule-set.submitted', 'rule-set.approved',
  'rule-set.rejected', 'rule-set.activated', 'rule-set.retired', 'rule-set.rolled-back', 'rule-set.baseline-loaded', 'rule-set.baseline-approved',
  'client.created', 'client.imported', 'client.reimported', 'client.deleted', 'client.segments-changed',
  'simulation.started', 'simulation.cancelled', 'simulation.upload-created',
];

/** Filters for the audit trail; applied on "Apply" (or Enter) into the address. */
export function AuditFilterBar({ filters, onApply }: { filters: AuditFilters; onApply: (f: AuditFilters) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(filters);
  useEffect(() => setDraft(filters), [filters]);
  const set = (name: keyof AuditFilters, value: string) => setDraft((d) => ({ ...d, [name]: value }));
  const badRange = Boolean(draft.from && draft.to && draft.from > draft.to);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!badRange) onApply(draft);
  };
  return (
    <Paper variant="outlined" component="form" role="search" aria-label={t('audit.filters.label')} onSubmit={submit} noValidate sx={{ p: 2, mb: 2 }}>
      <Box sx={{ display: 'grid', gap: 1.5, gridTemplateColumns: { xs: '1fr 1fr', lg: 'repeat(3, 1fr)', xl: '1.4fr 1.2fr 1.4fr 1fr 1fr' } }}>
        <TextField size="small" label={t('audit.filters.entity')} helperText={t('audit.filters.entityHint')} value={draft.entity} onChange={(e) => set('entity', e.target.value)} />
        <TextField size="small" label={t('audit.filters.actor')} value={draft.actor} onChange={(e) => set('actor', e.target.value)} />
        <Autocomplete
          freeSolo
          options={KNOWN_ACTIONS}
          value={draft.action || null}
          onChange={(_e, v) => set('action', v ?? '')}
          inputValue={draft.action}
          onInputChange={(_e, v) => set('action', v)}
          renderOption={(props, o) => {
            const { key: _key, ...rest } = props as typeof props & { key?: string };
            return (
              <li {...rest} key={o}>
                {actionText(t, o)}
                <Box component="code" sx={{ ml: 1, color: 'text.secondary' }}>
                  {o}
                </Box>
              </li>
            );
          }}
          renderInput={(params) => <TextField {...params} size="small" label={t('audit.filters.action')} />}
        />
        <TextField size="small" type="date" label={t('audit.filters.from')} value={draft.from} onChange={(e) => set('from', e.target.value)} error={badRange} slotProps={{ inputLabel: { shrink: true } }} />
        <TextField
          size="small"
          type="date"
          label={t('audit.filters.to')}
          value={draft.to}
          onChange={(e) => set('to', e.target.value)}
          error={badRange}
          helperText={badRange ? t('decisions.filters.fromAfterTo') : undefined}
          slotProps={{ inputLabel: { shrink: true } }}
        />
      </Box>
      <Stack direction="row" spacing={1} sx={{ mt: 1.5, justifyContent: 'flex-end' }}>
        <Button
          onClick={() => {
            setDraft(EMPTY_AUDIT_FILTERS);
            onApply(EMPTY_AUDIT_FILTERS);
          }}
        >
          {t('audit.filters.clear')}
        </Button>
        <Button type="submit" variant="contained" disabled={badRange}>
          {t('audit.filters.apply')}
        </Button>
      </Stack>
    </Paper>
  );
}
