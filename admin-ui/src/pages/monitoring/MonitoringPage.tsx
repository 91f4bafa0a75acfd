import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { Alert, Button, CircularProgress, Paper, Stack, Typography } from '@mui/material';
import PlayIcon from '@mui/icons-material/PlayArrowOutlined';
import RadarIcon from '@mui/icons-material/MonitorHeartOutlined';
import { ApiError } from '../../api/http';
import { problemMessage } from '../../api/problem-message';
import { useSession } from '../../auth/session-context';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../../components/PageState';
import { Facts, Section } from '../../features/decisions/detail/Section';
import { formatDateTime } from '../../components/format/date-time';
import { resumeScan, startScan, useMonitoringStatus, useScan, useScans } from '../../features/monitoring/api/monitoring-hooks';
import { ScanTable } from '../../features/monitoring/ScanTable';
import { ScanView } from '../../features/monitoring/ScanView';
import { severityLabel } from '../../features/portfolio/model/labels';

/** Monitoring: what runs and when, start a scan of the whole book and watch it, the scans so far. */
export function MonitoringPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { can } = useSession();
  const [search, setSearch] = useSearchParams();
  const status = useMonitoringStatus();
  const scans = useScans();
  const listed = scans.state.status === 'ready' ? scans.state.items : [];
  const running = status.status === 'ready' ? status.data.running : null;
  const selected = search.get('scan') ?? running ?? listed[0]?.id ?? null;
  const current = useScan(selected, () => {
    scans.reload();
    status.reload();
  });
  const [starting, setStarting] = useState(false);
  const [startError, setStartError] = useState<unknown>(null);
  const runner = can('monitoring:run');

  const start = async () => {
    setStarting(true);
    setStartError(null);
    try {
      const scan = await startScan();
      setSearch(new URLSearchParams({ scan: scan.id }));
      scans.reload();
      status.reload();
    } catch (error) {
      setStartError(error);
    } finally {
      setStarting(false);
    }
  };
  const resume = async (id: string) => {
    setStartError(null);
    try {
      await resumeScan(id);
      current.reload();
    } catch (error) {
      setStartError(error);
    }
  };
  const busy = error409(startError);

  return (
    <>
      <PageHeader
        title={t('monitoring.title')}
        description={t('monitoring.description')}
        actions={
          runner && (
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
              {starting && <CircularProgress size={18} aria-label={t('monitoring.starting')} />}
              <Button variant="contained" startIcon={<PlayIcon />} onClick={start} disabled={starting || Boolean(running)}>
                {t('monitoring.start')}
              </Button>
            </Stack>
          )
        }
      />
      {startError != null && (
        <Alert severity={busy ? 'info' : 'error'} sx={{ mb: 2 }} onClose={() => setStartError(null)}>
          {busy ? t('monitoring.alreadyRunning') : problemMessage(t, startError)}
        </Alert>
      )}
      <Stack spacing={2.5}>
        <Section id="monitoring-status" title={t('monitoring.status.title')}>
          {status.status === 'loading' && <LoadingState />}
          {status.status === 'error' && <ErrorState error={status.error} onRetry={status.reload} />}
          {status.status === 'ready' && (
            <Facts
              items={[
                { term: t('monitoring.status.schedule'), value: status.data.schedule ? t('monitoring.status.cron', { cron: status.data.schedule.cron, next: formatDateTime(status.data.schedule.nextAt, lang) }) : t('monitoring.status.noSchedule') },
                { term: t('monitoring.status.running'), value: status.data.running ?? t('monitoring.status.idle'), mono: Boolean(status.data.running) },
                { term: t('monitoring.status.pending'), value: t('monitoring.status.pendingCount', { count: status.data.pendingChanges }) },
                { term: t('monitoring.status.ruleSets'), value: status.data.ruleSets.map((r) => `${r.key}@${r.version}`).join(', ') || '—', mono: true },
                {
                  term: t('monitoring.status.sla'),
                  value: (['red', 'orange', 'yellow', 'blue'] as const).map((s) => t('monitoring.status.slaDays', { severity: severityLabel(t, s), count: status.data.slaDays[s] })).join(' · '),
                },
              ]}
            />
          )}
        </Section>
        <Section id="monitoring-scan" title={selected ? t('monitoring.scan.title', { id: selected }) : t('monitoring.scan.none')}>
          {!selected && scans.state.status !== 'loading' && (
            <EmptyState icon={<RadarIcon />} title={t('monitoring.list.emptyTitle')} body={t('monitoring.list.emptyBody')} />
          )}
          {selected && current.state.status === 'loading' && <LoadingState />}
          {selected && current.state.status === 'error' && <ErrorState error={current.state.error} onRetry={current.reload} />}
          {selected && current.state.status === 'ready' && <ScanView scan={current.state.scan} canRun={runner} onResume={() => resume(current.state.status === 'ready' ? current.state.scan.id : '')} />}
        </Section>
        <section aria-labelledby="monitoring-history">
          <Typography variant="h6" component="h2" id="monitoring-history" sx={{ mb: 1 }}>
            {t('monitoring.list.title')}
          </Typography>
          {scans.state.status === 'loading' && <LoadingState />}
          {scans.state.status === 'error' && <ErrorState error={scans.state.error} onRetry={scans.reload} />}
          {scans.state.status === 'ready' &&
            (listed.length === 0 ? (
              <Paper variant="outlined">
                <EmptyState icon={<RadarIcon />} title={t('monitoring.list.emptyTitle')} body={t('monitoring.list.emptyBody')} />
              </Paper>
            ) : (
              <>
                <ScanTable items={listed} selected={selected} />
                {scans.state.nextCursor && (
                  <Stack direction="row" sx={{ justifyContent: 'center', mt: 1 }}>
                    <Button onClick={scans.loadMore}>{t('monitoring.list.more')}</Button>
                  </Stack>
                )}
              </>
            ))}
        </section>
      </Stack>
    </>
  );
}

function error409(error: unknown): boolean {
  return error instanceof ApiError && error.status === 409;
}
