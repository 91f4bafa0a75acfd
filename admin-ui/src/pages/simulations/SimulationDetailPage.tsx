import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router-dom';
import { Alert, Box, Button, MenuItem, Stack, TextField, Typography } from '@mui/material';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import { ApiError } from '../../api/http';
import { problemMessage } from '../../api/problem-message';
import { useSession } from '../../auth/session-context';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../../components/PageState';
import { Section } from '../../features/decisions/detail/Section';
import { actorText } from '../../components/format/actor-text';
import { formatDateTime } from '../../components/format/date-time';
import { cancelSimulation, useSimulationRun, type LiveMode } from '../../features/simulations/api/simulation-hooks';
import { UNFINISHED, type ChangedRecord, type OutputResult, type Simulation, type SimulationResults } from '../../features/simulations/api/types';
import { populationText, versionsText } from '../../features/simulations/model/describe';
import { BreakdownCharts } from '../../features/simulations/results/BreakdownCharts';
import { ChangesTable } from '../../features/simulations/results/ChangesTable';
import { DrillDownDialog } from '../../features/simulations/results/DrillDownDialog';
import { OtherOutputs } from '../../features/simulations/results/OtherOutputs';
import { OutcomeMatrix } from '../../features/simulations/results/OutcomeMatrix';
import { RuleDeltas } from '../../features/simulations/results/RuleDeltas';
import { SimulationProgress } from '../../features/simulations/results/SimulationProgress';
import { SimulationStatusChip } from '../../features/simulations/results/SimulationStatusChip';
import { SummaryFigures } from '../../features/simulations/results/SummaryFigures';

/** One simulation: live progress while it runs, then its results and the changed records. */
export function SimulationDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { state, reload } = useSimulationRun(id);
  const back = (
    <Button component={RouterLink} to="/simulations" startIcon={<ArrowBackIcon />} sx={{ mb: 1 }}>
      {t('simulations.detail.back')}
    </Button>
  );
  if (state.status === 'loading') return <LoadingState />;
  if (state.status === 'error') {
    if (state.error instanceof ApiError && state.error.status === 404)
      return (
        <>
          {back}
          <EmptyState headingLevel="h1" title={t('simulations.detail.notFound')} body={id} />
        </>
      );
    return <ErrorState error={state.error} onRetry={reload} />;
  }
  return (
    <>
      {back}
      <SimulationView sim={state.sim} live={state.live} reload={reload} />
    </>
  );
}

function SimulationView({ sim, live, reload }: { sim: Simulation; live: LiveMode; reload: () => void }) {
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const [cancelError, setCancelError] = useState<unknown>(null);
  const running = UNFINISHED.includes(sim.status);
  const cancel = async () => {
    setCancelError(null);
    try {
      await cancelSimulation(sim.id);
      reload();
    } catch (error) {
      setCancelError(error);
    }
  };
  return (
    <>
      <PageHeader
        title={t('simulations.detail.title', { key: sim.ruleSetKey, versions: versionsText(t, sim) })}
        description={populationText(t, sim.population)}
        actions={
          running &&
          can('simulations:run') && (
            <Button variant="outlined" color="inherit" onClick={cancel}>
              {t('simulations.detail.cancel')}
            </Button>
          )
        }
      />
      <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 2 }}>
        <SimulationStatusChip status={sim.status} />
        <Typography variant="body2" color="text.secondary">
          {t('simulations.detail.startedBy', { who: actorText(t, sim.createdBy), at: formatDateTime(sim.createdAt, i18n.language) })}
          {sim.asOf && ` · ${t('simulations.detail.asOf', { date: sim.asOf })}`}
        </Typography>
        <Typography variant="caption" color="text.secondary" sx={{ fontFamily: 'monospace' }}>
          {sim.id}
        </Typography>
      </Stack>
      {cancelError != null && <Alert severity="error" sx={{ mb: 2 }}>{problemMessage(t, cancelError)}</Alert>}
      {running && (
        <Box sx={{ mb: 3 }}>
          <SimulationProgress sim={sim} live={live} />
        </Box>
      )}
      {(sim.status === 'failed' || sim.status === 'cancelled') && (
        <Alert severity={sim.status === 'failed' ? 'error' : 'info'} sx={{ mb: 2 }}>
          {t(`simulations.detail.${sim.status}`)} {sim.error?.message}
        </Alert>
      )}
      {sim.status === 'completed' && sim.results && <Results sim={sim} results={sim.results} />}
    </>
  );
}

function Results({ sim, results }: { sim: Simulation; results: SimulationResults }) {
  const { t } = useTranslation();
  const categorical = results.outputs.filter((o): o is Extract<OutputResult, { kind: 'categorical' }> => o.kind === 'categorical');
  const [output, setOutput] = useState(results.primaryOutput ?? categorical[0]?.output ?? '');
  const [drill, setDrill] = useState<ChangedRecord | null>(null);
  const matrix = categorical.find((o) => o.output === output);
  const others = results.outputs.filter((o) => o.kind !== 'categorical');
  return (
    <Box sx={{ display: 'grid', gap: 2.5, gridTemplateColumns: 'minmax(0, 1fr)' }}>
      <SummaryFigures results={results} />
      {results.summary.skipped > 0 && (
        <Alert severity="warning">
          {t('simulations.detail.skipped', { count: results.summary.skipped })}
          {results.skippedSamples.slice(0, 3).map((s) => (
            <div key={s.recordId}>
              <code>{s.recordId}</code>: {s.reason}
            </div>
          ))}
        </Alert>
      )}
      {matrix && (
        <Section
          id="sim-matrix"
          title={t('simulations.detail.matrix')}
          actions={
            categorical.length > 1 && (
              <TextField select size="small" id="sim-matrix-output" label={t('simulations.detail.output')} value={output} onChange={(e) => setOutput(e.target.value)} sx={{ minWidth: 180 }}>
                {categorical.map((o) => (
                  <MenuItem key={o.output} value={o.output}>
                    {o.output}
                  </MenuItem>
                ))}
              </TextField>
            )
          }
        >
          <OutcomeMatrix key={output} result={matrix} />
        </Section>
      )}
      <Section id="sim-breakdown" title={t('simulations.detail.breakdown')}>
        <BreakdownCharts results={results} />
      </Section>
      <Box sx={{ display: 'grid', gap: 2.5, gridTemplateColumns: { xs: 'minmax(0, 1fr)', xl: 'repeat(2, minmax(0, 1fr))' }, alignItems: 'start' }}>
        <Section id="sim-rules" title={t('simulations.detail.rules')}>
          <RuleDeltas rules={results.rules} />
        </Section>
        {others.length > 0 && (
          <Section id="sim-outputs" title={t('simulations.detail.otherOutputs')}>
            <OtherOutputs outputs={others} />
          </Section>
        )}
      </Box>
      <Section id="sim-changes" title={t('simulations.detail.changes', { count: results.changes.total })}>
        <ChangesTable simulationId={sim.id} primaryOutput={results.primaryOutput} truncated={results.changes.truncated} onExplain={setDrill} />
      </Section>
      <DrillDownDialog simulationId={sim.id} recordId={drill?.recordId ?? null} onClose={() => setDrill(null)} />
    </Box>
  );
}
