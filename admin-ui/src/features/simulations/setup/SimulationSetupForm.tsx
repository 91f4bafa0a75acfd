import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Box, Button, CircularProgress, FormControlLabel, MenuItem, Paper, Radio, RadioGroup, Stack, TextField, Typography } from '@mui/material';
import type { FieldError } from '../../../api/api-error';
import { problemMessage } from '../../../api/problem-message';
import type { ResourceState } from '../../../api/use-api-resource';
import { CLASS5, INDUSTRY_SECTIONS, SEVERITIES } from '../../clients/api/types';
import type { ClientFilters } from '../../clients/model/client-filters';
import { class5Label, industryLabel, PROVINCE_CODES, provinceLabel, severityLabel } from '../../portfolio/model/labels';
import { fieldOf, type SetupState } from '../model/setup';
import type { RuleSetOption, UploadState, VersionOption } from './use-simulation-setup';

export interface SimulationSetupFormProps {
  form: SetupState;
  set: <K extends keyof SetupState>(name: K, value: SetupState[K]) => void;
  problems: FieldError[];
  submitError: unknown;
  busy: boolean;
  onSubmit: () => void;
  onCancel?: () => void;
  ruleSets: ResourceState<{ items: RuleSetOption[] }>;
  versions: VersionOption[];
  upload: UploadState;
  onFile: (file: File, kind: 'facts' | 'clients') => void;
}

const FILTERS: (keyof ClientFilters)[] = ['industry', 'region', 'tier', 'class5', 'riskLevel', 'rm'];

/** The set-up: what to compare (rule set, candidate, baseline) and over whom (portfolio, a file, or past decisions). */
export function SimulationSetupForm(p: SimulationSetupFormProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const { form, set } = p;
  const at = (field: keyof SetupState) => p.problems.filter((x) => fieldOf(x.pointer) === field).map((x) => (x.message.startsWith('simulations.') ? t(x.message) : x.message));
  const help = (field: keyof SetupState, fallback?: string) => {
    const msgs = at(field);
    return { error: msgs.length > 0, helperText: msgs.length ? msgs.join(' ') : fallback };
  };
  const unplaced = p.problems.filter((x) => fieldOf(x.pointer) === null);
  const name = (r: RuleSetOption) => (i18n.language.startsWith('zh') ? r.name.zh : r.name.en) ?? r.key;
  const items = p.ruleSets.status === 'ready' ? p.ruleSets.data.items.filter((r) => r.active) : [];
  const chosen = items.find((r) => r.key === form.ruleSetKey);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    p.onSubmit();
  };
  const setFilter = (k: keyof ClientFilters, v: string) => set('filter', { ...form.filter, [k]: v });
  const filterOptions: Record<keyof ClientFilters, { value: string; label: string }[] | null> = {
    q: null,
    rm: null,
    tier: null,
    industry: INDUSTRY_SECTIONS.map((c) => ({ value: c, label: `${c} · ${industryLabel(t, c)}` })),
    region: PROVINCE_CODES.map((c) => ({ value: c, label: `${provinceLabel(t, c)} (${c})` })),
    class5: CLASS5.map((c) => ({ value: c, label: class5Label(t, c) })),
    riskLevel: SEVERITIES.map((s) => ({ value: s, label: severityLabel(t, s) })),
  };

  return (
    <Paper variant="outlined" component="form" onSubmit={submit} noValidate aria-labelledby={`${id}-title`} sx={{ p: 2.5, mb: 3 }}>
      <Typography variant="h6" component="h2" id={`${id}-title`} sx={{ mb: 2 }}>
        {t('simulations.setup.title')}
      </Typography>
      {p.ruleSets.status === 'error' && <Alert severity="error">{problemMessage(t, p.ruleSets.error)}</Alert>}
      <Box component="fieldset" sx={{ border: 0, p: 0, m: 0, mb: 2.5 }}>
        <Typography component="legend" variant="subtitle2" sx={{ mb: 1 }}>
          {t('simulations.setup.compare')}
        </Typography>
        <Box sx={{ display: 'grid', gap: 1.5, gridTemplateColumns: { xs: '1fr', md: '2fr 1fr 1fr' } }}>
          <TextField select size="small" id="sim-rule-set" label={t('simulations.setup.ruleSet')} value={chosen ? form.ruleSetKey : ''} onChange={(e) => set('ruleSetKey', e.target.value)} {...help('ruleSetKey')}>
            {items.map((r) => (
              <MenuItem key={r.key} value={r.key}>
                {name(r)} ({r.key})
              </MenuItem>
            ))}
          </TextField>
          <TextField
            select
            size="small"
            id="sim-candidate"
            label={t('simulations.setup.candidate')}
            value={p.versions.some((v) => String(v.version) === form.candidateVersion) ? form.candidateVersion : ''}
            onChange={(e) => set('candidateVersion', e.target.value)}
            disabled={!form.ruleSetKey}
            {...help('candidateVersion', t('simulations.setup.candidateHelp'))}
          >
            {p.versions.map((v) => (
              <MenuItem key={v.version} value={String(v.version)}>
                {t('simulations.setup.version', { version: v.version, status: t(`simulations.versionStatus.${v.status}`, { defaultValue: v.status }) })}
              </MenuItem>
            ))}
          </TextField>
          <TextField select size="small" id="sim-baseline" label={t('simulations.setup.baseline')} value={form.baseline} onChange={(e) => set('baseline', e.target.value)} disabled={!form.ruleSetKey} {...help('baseline')}>
            <MenuItem value="active">{chosen?.active ? t('simulations.setup.activeVersion', { version: chosen.active.version }) : t('simulations.setup.active')}</MenuItem>
            {p.versions
              .filter((v) => v.status !== 'draft')
              .map((v) => (
                <MenuItem key={v.version} value={String(v.version)}>
                  {t('simulations.setup.version', { version: v.version, status: t(`simulations.versionStatus.${v.status}`, { defaultValue: v.status }) })}
                </MenuItem>
              ))}
          </TextField>
        </Box>
      </Box>

      <Box component="fieldset" sx={{ border: 0, p: 0, m: 0, mb: 2 }}>
        <Typography component="legend" variant="subtitle2" sx={{ mb: 0.5 }}>
          {t('simulations.setup.population')}
        </Typography>
        <RadioGroup row value={form.population} onChange={(e) => set('population', e.target.value as SetupState['population'])} aria-label={t('simulations.setup.population')}>
          <FormControlLabel value="portfolio" control={<Radio />} label={t('simulations.setup.portfolio')} />
          <FormControlLabel value="upload" control={<Radio />} label={t('simulations.setup.upload')} />
          <FormControlLabel value="replay" control={<Radio />} label={t('simulations.setup.replay')} />
        </RadioGroup>
        {form.population === 'portfolio' && (
          <Box sx={{ mt: 1 }}>
            <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
              {t('simulations.setup.portfolioHelp')}
            </Typography>
            <Box sx={{ display: 'grid', gap: 1.5, gridTemplateColumns: { xs: '1fr 1fr', lg: 'repeat(6, 1fr)' } }}>
              {FILTERS.map((k) => {
                const options = filterOptions[k];
                return options ? (
                  <TextField key={k} select size="small" id={`sim-filter-${k}`} label={t(`clients.filters.${k}`)} value={form.filter[k]} onChange={(e) => setFilter(k, e.target.value)} slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}>
                    <MenuItem value="">{t('clients.filters.any')}</MenuItem>
                    {options.map((o) => (
                      <MenuItem key={o.value} value={o.value}>
                        {o.label}
                      </MenuItem>
                    ))}
                  </TextField>
                ) : (
                  <TextField key={k} size="small" id={`sim-filter-${k}`} label={t(`clients.filters.${k}`)} value={form.filter[k]} onChange={(e) => setFilter(k, e.target.value)} placeholder={k === 'tier' ? 'T1' : 'RM-51-002'} slotProps={{ inputLabel: { shrink: true } }} />
                );
              })}
            </Box>
            {at('filter').length > 0 && <Alert severity="error" sx={{ mt: 1 }}>{at('filter').join(' ')}</Alert>}
          </Box>
        )}
        {form.population === 'upload' && <UploadField {...p} />}
        {form.population === 'replay' && (
          <Box sx={{ display: 'grid', gap: 1.5, gridTemplateColumns: { xs: '1fr 1fr', lg: 'repeat(4, 1fr)' }, mt: 1 }}>
            <TextField size="small" type="date" id="sim-replay-from" label={t('simulations.setup.from')} value={form.replayFrom} onChange={(e) => set('replayFrom', e.target.value)} slotProps={{ inputLabel: { shrink: true } }} {...help('replayFrom')} />
            <TextField size="small" type="date" id="sim-replay-to" label={t('simulations.setup.to')} value={form.replayTo} onChange={(e) => set('replayTo', e.target.value)} slotProps={{ inputLabel: { shrink: true } }} {...help('replayTo')} />
            <Typography variant="body2" color="text.secondary" sx={{ gridColumn: { lg: 'span 2' }, alignSelf: 'center' }}>
              {t('simulations.setup.replayHelp')}
            </Typography>
          </Box>
        )}
      </Box>
      <TextField size="small" type="date" id="sim-as-of" label={t('simulations.setup.asOf')} value={form.asOf} onChange={(e) => set('asOf', e.target.value)} slotProps={{ inputLabel: { shrink: true } }} sx={{ maxWidth: 260 }} {...help('asOf', t('simulations.setup.asOfHelp'))} />
      {unplaced.length > 0 && (
        <Alert severity="error" sx={{ mt: 2 }}>
          {unplaced.map((x) => (
            <div key={x.pointer + x.message}>
              <code>{x.pointer}</code> {x.message}
            </div>
          ))}
        </Alert>
      )}
      {p.submitError != null && unplaced.length === 0 && p.problems.length === 0 && (
        <Alert severity="error" sx={{ mt: 2 }}>
          {problemMessage(t, p.submitError)}
        </Alert>
      )}
      <Stack direction="row" spacing={1} sx={{ mt: 2.5, alignItems: 'center' }}>
        <Button type="submit" variant="contained" disabled={p.busy || p.upload.status === 'sending'}>
          {t('simulations.setup.start')}
        </Button>
        {p.onCancel && <Button onClick={p.onCancel}>{t('simulations.setup.cancel')}</Button>}
        {p.busy && <CircularProgress size={18} aria-label={t('simulations.setup.starting')} />}
      </Stack>
    </Paper>
  );
}

function UploadField(p: SimulationSetupFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const [kind, setKind] = useState<'facts' | 'clients'>('facts');
  const fileInput = useRef<HTMLInputElement>(null);
  const problems = p.problems.filter((x) => fieldOf(x.pointer) === 'upload');
  const u = p.form.upload;
  return (
    <Box sx={{ mt: 1 }}>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {t('simulations.setup.uploadHelp')}
      </Typography>
      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
        <TextField select size="small" id={`${id}-kind`} label={t('simulations.setup.kind')} value={kind} onChange={(e) => setKind(e.target.value as 'facts' | 'clients')} sx={{ width: 240 }}>
          <MenuItem value="facts">{t('simulations.setup.kindFacts')}</MenuItem>
          <MenuItem value="clients">{t('simulations.setup.kindClients')}</MenuItem>
        </TextField>
        <Button variant="outlined" disabled={p.upload.status === 'sending'} onClick={() => fileInput.current?.click()}>
          {t('simulations.setup.chooseFile')}
        </Button>
        <input
          ref={fileInput}
          hidden
          type="file"
          accept=".csv,.jsonl,.ndjson,text/csv,application/x-ndjson"
          data-testid="population-file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) p.onFile(file, kind);
            e.target.value = '';
          }}
        />
        {p.upload.status === 'sending' && (
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }} role="status">
            <CircularProgress size={16} aria-hidden />
            <Typography variant="body2">{t('simulations.setup.sending', { name: p.upload.name })}</Typography>
          </Stack>
        )}
      </Stack>
      {u && (
        <Alert severity={u.badRows ? 'warning' : 'success'} sx={{ mt: 1 }} role="status">
          {t('simulations.setup.uploaded', { name: u.fileName ?? u.id, count: u.rows })}
          {u.badRows > 0 && ` ${t('simulations.setup.badRows', { count: u.badRows })}`}
          {u.sampleErrors.slice(0, 3).map((e) => (
            <Typography key={e.row} variant="body2">
              {t('simulations.setup.rowProblem', { row: e.row, reason: e.reason })}
            </Typography>
          ))}
        </Alert>
      )}
      {p.upload.status === 'error' && (
        <Alert severity="error" sx={{ mt: 1 }}>
          {p.upload.error instanceof Error && (p.upload.error as { code?: string }).code === 'format' ? t('simulations.setup.wrongFormat') : problemMessage(t, p.upload.error)}
        </Alert>
      )}
      {problems.length > 0 && (
        <Typography color="error" variant="body2" sx={{ mt: 1 }}>
          {problems.map((x) => (x.message.startsWith('simulations.') ? t(x.message) : x.message)).join(' ')}
        </Typography>
      )}
    </Box>
  );
}
