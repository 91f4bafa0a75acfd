import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Box, Button, FormControlLabel, LinearProgress, Paper, Radio, RadioGroup, Stack, Step, StepLabel, Stepper, Typography } from '@mui/material';
import { ApiError } from '../../../api/http';
import { problemMessage } from '../../../api/problem-message';
import { formatCount } from '../../../components/charts/format';
import type { ImportFormat, ImportJob, ImportMode } from '../api/types';
import { ImportReport } from './ImportReport';
import type { WizardState } from './use-import-wizard';

export interface ImportWizardProps {
  state: WizardState;
  onFile: (file: File | null) => void;
  onFormat: (format: ImportFormat) => void;
  onMode: (mode: ImportMode) => void;
  onStart: () => void;
  onAgain: () => void;
}

const STEPS = ['file', 'running', 'report'] as const;

function size(bytes: number, lang: string): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let v = bytes;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${new Intl.NumberFormat(lang, { maximumFractionDigits: u ? 1 : 0 }).format(v)} ${units[u]}`;
}

/** Three steps: choose the file and the mode; watch it being read and written; read the report. */
export function ImportWizard({ state, onFile, onFormat, onMode, onStart, onAgain }: ImportWizardProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const lang = i18n.language;
  const active = STEPS.indexOf(state.step);
  const error = state.error;
  const fieldErrors = error instanceof ApiError ? error.errors : [];
  return (
    <Paper variant="outlined" sx={{ p: 3 }}>
      <Stepper activeStep={active} sx={{ mb: 3 }}>
        {STEPS.map((s) => (
          <Step key={s}>
            <StepLabel>{t(`clients.import.steps.${s}`)}</StepLabel>
          </Step>
        ))}
      </Stepper>

      {state.step === 'file' && (
        <Box component="form" onSubmit={(e) => { e.preventDefault(); onStart(); }} noValidate>
          <Typography variant="subtitle1" component="h2" sx={{ mb: 1 }}>
            {t('clients.import.fileTitle')}
          </Typography>
          <Typography color="text.secondary" sx={{ mb: 1.5 }}>
            {t('clients.import.fileHelp')}
          </Typography>
          <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
            {/* A real button opens the file dialog, so it works from the keyboard like any other. */}
            <Button variant="outlined" onClick={() => fileInput.current?.click()}>
              {state.file ? t('clients.import.otherFile') : t('clients.import.chooseFile')}
            </Button>
            <input ref={fileInput} hidden type="file" accept=".csv,.jsonl,.ndjson,text/csv,application/x-ndjson" data-testid="import-file" onChange={(e) => onFile(e.target.files?.[0] ?? null)} />
            {state.file && (
              <Typography data-testid="chosen-file">
                <strong>{state.file.name}</strong> · {size(state.file.size, lang)}
              </Typography>
            )}
          </Stack>
          {state.file && (
            <Box component="fieldset" sx={{ border: 0, p: 0, m: 0, mt: 2 }}>
              <Typography component="legend" variant="subtitle2">
                {t('clients.import.format')}
              </Typography>
              <RadioGroup row value={state.format ?? ''} onChange={(e) => onFormat(e.target.value as ImportFormat)}>
                <FormControlLabel value="csv" control={<Radio />} label={t('clients.import.formats.csv')} />
                <FormControlLabel value="jsonl" control={<Radio />} label={t('clients.import.formats.jsonl')} />
              </RadioGroup>
            </Box>
          )}
          <Box component="fieldset" sx={{ border: 0, p: 0, m: 0, mt: 2 }} aria-describedby={`${id}-mode-help`}>
            <Typography component="legend" variant="subtitle2">
              {t('clients.import.mode')}
            </Typography>
            <RadioGroup value={state.mode} onChange={(e) => onMode(e.target.value as ImportMode)}>
              <FormControlLabel
                value="all-or-nothing"
                control={<Radio />}
                label={
                  <span>
                    <strong>{t('clients.import.modes.all-or-nothing')}</strong> — {t('clients.import.modes.allHelp')}
                  </span>
                }
              />
              <FormControlLabel
                value="skip-bad-rows"
                control={<Radio />}
                label={
                  <span>
                    <strong>{t('clients.import.modes.skip-bad-rows')}</strong> — {t('clients.import.modes.skipHelp')}
                  </span>
                }
              />
            </RadioGroup>
            <Typography id={`${id}-mode-help`} variant="caption" color="text.secondary">
              {t('clients.import.upsert')}
            </Typography>
          </Box>
          {state.problem && (
            <Alert severity="error" sx={{ mt: 2 }}>
              {t(state.problem)}
            </Alert>
          )}
          {error != null && (
            <Alert severity="error" sx={{ mt: 2 }}>
              {problemMessage(t, error)}
              {fieldErrors.map((e) => (
                <div key={e.pointer}>
                  <code>{e.pointer}</code> {e.message}
                </div>
              ))}
            </Alert>
          )}
          <Button type="submit" variant="contained" sx={{ mt: 2.5 }} disabled={!state.file}>
            {t('clients.import.start')}
          </Button>
        </Box>
      )}

      {state.step === 'running' && <Running file={state.file} job={state.job} />}
      {state.step === 'report' && state.job && <ImportReport job={state.job} onAgain={onAgain} />}
      {state.step === 'report' && error != null && (
        <Alert severity="error" sx={{ mt: 2 }}>
          {problemMessage(t, error)}
        </Alert>
      )}
    </Paper>
  );
}

function Running({ file, job }: { file: File | null; job: ImportJob | null }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const n = (v: number) => formatCount(v, lang);
  // While the file is on its way the server is reading it: no total yet. Afterwards rows read, then rows written.
  const committing = job?.status === 'committing';
  const total = committing ? job.valid : (job?.total ?? null);
  const done = committing ? job.committed : (job?.processed ?? 0);
  const pct = total ? Math.min(100, (done / total) * 100) : undefined;
  return (
    <Box>
      <Typography role="status" aria-live="polite" sx={{ mb: 1 }}>
        {!job
          ? t('clients.import.sending', { name: file?.name ?? '', size: file ? size(file.size, lang) : '' })
          : committing
            ? t('clients.import.committing', { done: n(done), total: n(total ?? 0) })
            : t('clients.import.reading', { done: n(done), bad: n(job.badRows) })}
      </Typography>
      <LinearProgress variant={pct === undefined ? 'indeterminate' : 'determinate'} value={pct ?? 0} aria-label={t('clients.import.progress')} sx={{ height: 10, borderRadius: 1 }} />
    </Box>
  );
}
