import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Box, Button, Checkbox, FormControlLabel, MenuItem, Paper, Stack, TextField } from '@mui/material';
import { SEVERITIES } from '../../clients/api/types';
import { severityLabel } from '../../portfolio/model/labels';
import { ALERT_STATUSES } from '../api/types';
import { DEFAULT_ALERT_FILTERS, type AlertFilters } from '../model/alert-filters';

/** Severity, status and overdue apply at once; the signal, client and owner texts on Enter or "Apply". */
export function AlertFilterBar({ filters, onApply }: { filters: AlertFilters; onApply: (f: AlertFilters) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(filters);
  useEffect(() => setDraft(filters), [filters]);
  const now = (patch: Partial<AlertFilters>) => {
    const next = { ...draft, ...patch };
    setDraft(next);
    onApply(next);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply(draft);
  };
  return (
    <Paper variant="outlined" component="form" role="search" aria-label={t('alerts.filters.label')} onSubmit={submit} noValidate sx={{ p: 2, mb: 2 }}>
      <Box sx={{ display: 'grid', gap: 1.5, alignItems: 'center', gridTemplateColumns: { xs: '1fr 1fr', lg: `repeat(${draft.view === 'all' ? 6 : 5}, 1fr)` } }}>
        <TextField select size="small" id="alert-filter-severity" label={t('alerts.filters.severity')} value={draft.severity} onChange={(e) => now({ severity: e.target.value })} slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}>
          <MenuItem value="">{t('alerts.filters.any')}</MenuItem>
          {SEVERITIES.map((s) => (
            <MenuItem key={s} value={s}>
              {severityLabel(t, s)}
            </MenuItem>
          ))}
        </TextField>
        <TextField select size="small" id="alert-filter-status" label={t('alerts.filters.status')} value={draft.status} onChange={(e) => now({ status: e.target.value })}>
          <MenuItem value="active">{t('alerts.filters.active')}</MenuItem>
          {ALERT_STATUSES.map((s) => (
            <MenuItem key={s} value={s}>
              {t(`alerts.status.${s}`)}
            </MenuItem>
          ))}
          <MenuItem value="any">{t('alerts.filters.anyStatus')}</MenuItem>
        </TextField>
        <TextField size="small" id="alert-filter-rule" label={t('alerts.filters.rule')} placeholder="F01" value={draft.rule} onChange={(e) => setDraft((d) => ({ ...d, rule: e.target.value }))} slotProps={{ inputLabel: { shrink: true } }} />
        <TextField size="small" id="alert-filter-client" label={t('alerts.filters.client')} placeholder="cli_…" value={draft.clientId} onChange={(e) => setDraft((d) => ({ ...d, clientId: e.target.value }))} slotProps={{ inputLabel: { shrink: true } }} />
        {draft.view === 'all' && (
          <TextField size="small" id="alert-filter-owner" label={t('alerts.filters.owner')} placeholder="RM-51-002" value={draft.owner} onChange={(e) => setDraft((d) => ({ ...d, owner: e.target.value }))} slotProps={{ inputLabel: { shrink: true } }} />
        )}
        <FormControlLabel control={<Checkbox checked={draft.overdue} onChange={(e) => now({ overdue: e.target.checked })} />} label={t('alerts.filters.overdue')} />
      </Box>
      <Stack direction="row" spacing={1} sx={{ mt: 1.5, justifyContent: 'flex-end' }}>
        <Button onClick={() => now({ ...DEFAULT_ALERT_FILTERS, view: draft.view })}>{t('alerts.filters.clear')}</Button>
        <Button type="submit" variant="contained">
          {t('alerts.filters.apply')}
        </Button>
      </Stack>
    </Paper>
  );
}
