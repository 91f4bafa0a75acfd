import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useSearchParams } from 'react-router-dom';
import { Alert, Button, Link, Paper, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import ScienceIcon from '@mui/icons-material/ScienceOutlined';
import { problemMessage } from '../../api/problem-message';
import { useSession } from '../../auth/session-context';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../../components/PageState';
import { formatCount } from '../../components/charts/format';
import { actorText } from '../../components/format/actor-text';
import { formatDateTime } from '../../components/format/date-time';
import { useSimulationList } from '../../features/simulations/api/simulation-hooks';
import { populationText, versionsText } from '../../features/simulations/model/describe';
import { setupFromSearch } from '../../features/simulations/model/setup';
import { SimulationStatusChip } from '../../features/simulations/results/SimulationStatusChip';
import { SimulationSetupForm } from '../../features/simulations/setup/SimulationSetupForm';
import { useSimulationSetup } from '../../features/simulations/setup/use-simulation-setup';

/**
 * Simulations: the set-up (open when asked for, or when a link prefills it: `?ruleSetKey=…&candidateVersion=…`)
 * and the runs so far, newest first.
 */
export function SimulationsPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const [search, setSearch] = useSearchParams();
  const key = search.toString();
  const initial = useMemo(() => setupFromSearch(search), [key]);
  const prefilled = Boolean(initial.ruleSetKey) || search.get('new') === '1';
  const [open, setOpen] = useState(prefilled);
  const runner = can('simulations:run');
  return (
    <>
      <PageHeader
        title={t('pages.simulations.title')}
        description={t('pages.simulations.description')}
        actions={
          runner &&
          !open && (
            <Button variant="contained" startIcon={<AddIcon />} onClick={() => setOpen(true)}>
              {t('simulations.list.new')}
            </Button>
          )
        }
      />
      {runner && open && (
        <Setup
          key={key}
          initial={initial}
          onCancel={() => {
            setOpen(false);
            setSearch(new URLSearchParams());
          }}
        />
      )}
      <Runs />
    </>
  );
}

function Setup({ initial, onCancel }: { initial: ReturnType<typeof setupFromSearch>; onCancel: () => void }) {
  const s = useSimulationSetup(initial);
  return (
    <SimulationSetupForm
      form={s.form}
      set={s.set}
      problems={s.problems}
      submitError={s.submitError}
      busy={s.busy}
      onSubmit={s.submit}
      onCancel={onCancel}
      ruleSets={s.ruleSets}
      versions={s.versions}
      upload={s.upload}
      onFile={s.sendFile}
    />
  );
}

function Runs() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { state, loadMore, reload } = useSimulationList();
  if (state.status === 'loading') return <LoadingState />;
  if (state.status === 'error') return <ErrorState error={state.error} onRetry={reload} />;
  if (state.items.length === 0)
    return (
      <Paper variant="outlined">
        <EmptyState icon={<ScienceIcon />} title={t('simulations.list.emptyTitle')} body={t('simulations.list.emptyBody')} />
      </Paper>
    );
  return (
    <>
      <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
        {t('simulations.list.title')}
      </Typography>
      <TableContainer component={Paper} variant="outlined">
        <Table size="small" aria-label={t('simulations.list.title')}>
          <TableHead>
            <TableRow>
              <TableCell>{t('simulations.list.started')}</TableCell>
              <TableCell>{t('simulations.list.ruleSet')}</TableCell>
              <TableCell>{t('simulations.list.population')}</TableCell>
              <TableCell>{t('simulations.list.status')}</TableCell>
              <TableCell align="right">{t('simulations.list.changed')}</TableCell>
              <TableCell>{t('simulations.list.by')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {state.items.map((s) => (
              <TableRow key={s.id} hover data-simulation-id={s.id}>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  <Link component={RouterLink} to={`/simulations/${encodeURIComponent(s.id)}`}>
                    {formatDateTime(s.createdAt, lang)}
                  </Link>
                </TableCell>
                <TableCell>
                  <Typography variant="body2" sx={{ fontFamily: 'monospace' }}>
                    {s.ruleSetKey}
                  </Typography>
                  <Typography variant="caption" color="text.secondary">
                    {versionsText(t, s)}
                  </Typography>
                </TableCell>
                <TableCell>{populationText(t, s.population)}</TableCell>
                <TableCell>
                  <SimulationStatusChip status={s.status} />
                </TableCell>
                <TableCell align="right">
                  {t('simulations.list.changedOf', { changed: formatCount(s.progress.changed, lang), total: s.progress.total === null ? '?' : formatCount(s.progress.total, lang) })}
                </TableCell>
                <TableCell>{actorText(t, s.createdBy)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      {state.moreError != null && <Alert severity="error">{problemMessage(t, state.moreError)}</Alert>}
      {state.nextCursor && (
        <Stack direction="row" sx={{ justifyContent: 'center', mt: 1 }}>
          <Button onClick={loadMore} disabled={state.loadingMore}>
            {t('simulations.list.more')}
          </Button>
        </Stack>
      )}
    </>
  );
}
