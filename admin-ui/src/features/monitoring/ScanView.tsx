import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router-dom';
import { Alert, Box, Button, LinearProgress, Link, Stack, Typography } from '@mui/material';
import { BarList } from '../../components/charts/BarList';
import { SEVERITY_COLOURS } from '../../components/charts/colours';
import { formatCount } from '../../components/charts/format';
import { Facts } from '../decisions/detail/Section';
import { actorText } from '../../components/format/actor-text';
import { formatDateTime } from '../../components/format/date-time';
import { severityLabel } from '../portfolio/model/labels';
import { SCAN_UNFINISHED, type Scan } from './api/types';

function duration(ms: number, lang: string): string {
  const s = ms / 1000;
  return s < 60 ? `${new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(s)} s` : `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
}

/** One scan: a progress bar while it runs; what it found once it is done (signals, alerts, segment changes). */
export function ScanView({ scan, canRun, onResume }: { scan: Scan; canRun: boolean; onResume: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const n = (v: number) => formatCount(v, lang);
  const running = SCAN_UNFINISHED.includes(scan.status);
  const p = scan.progress;
  const pct = p.total ? Math.min(100, (p.processed / p.total) * 100) : undefined;
  const c = scan.counts;
  return (
    <Box data-scan-id={scan.id} data-status={scan.status}>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
        {t('monitoring.scan.line', { trigger: t(`monitoring.trigger.${scan.trigger}`), who: actorText(t, scan.requestedBy), at: formatDateTime(scan.createdAt, lang), asOf: scan.asOf })}
      </Typography>
      {running && (
        <Box sx={{ mb: 2 }}>
          <Stack direction="row" sx={{ justifyContent: 'space-between', mb: 0.5 }}>
            <Typography variant="body2" role="status" aria-live="polite">
              {scan.status === 'queued' ? t('monitoring.scan.queued') : t('monitoring.scan.progress', { processed: n(p.processed), total: n(p.total) })}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {p.ratePerSecond > 0 && t('monitoring.scan.rate', { rate: n(Math.round(p.ratePerSecond)) })}
              {p.etaSeconds !== null && p.etaSeconds > 0 && ` · ${t('monitoring.scan.eta', { count: Math.ceil(p.etaSeconds) })}`}
            </Typography>
          </Stack>
          <LinearProgress variant={pct === undefined || scan.status === 'queued' ? 'indeterminate' : 'determinate'} value={pct ?? 0} aria-label={t('monitoring.scan.progressLabel')} sx={{ height: 10, borderRadius: 1 }} />
        </Box>
      )}
      {scan.status === 'failed' && (
        <Alert severity="error" sx={{ mb: 2 }}>
          {t('monitoring.scan.failed')} {scan.error?.message}
        </Alert>
      )}
      {scan.status === 'interrupted' && (
        <Alert
          severity="warning"
          sx={{ mb: 2 }}
          action={
            canRun && (
              <Button color="inherit" size="small" onClick={onResume}>
                {t('monitoring.scan.resume')}
              </Button>
            )
          }
        >
          {t('monitoring.scan.interrupted', { processed: n(p.processed), total: n(p.total) })}
        </Alert>
      )}
      {(scan.status === 'completed' || running) && (
        <Box sx={{ display: 'grid', gap: 3, gridTemplateColumns: { xs: 'minmax(0, 1fr)', lg: 'minmax(0, 1fr) minmax(0, 1fr)' }, alignItems: 'start' }}>
          <BarList
            caption={t('monitoring.scan.signals', { count: c.clientsWithSignals })}
            labelHeader={t('monitoring.scan.severity')}
            valueHeader={t('monitoring.scan.signalCount')}
            data={(['red', 'orange', 'yellow', 'blue'] as const).map((s) => ({ key: s, label: severityLabel(t, s), value: c.signals[s], colour: SEVERITY_COLOURS[s] }))}
            format={n}
          />
          <Facts
            items={[
              { term: t('monitoring.scan.clients'), value: n(c.clients) },
              {
                term: t('monitoring.scan.opened'),
                value: (
                  <Link component={RouterLink} to="/alerts?view=all">
                    {n(c.alerts.opened)}
                  </Link>
                ),
              },
              { term: t('monitoring.scan.escalated'), value: n(c.alerts.escalated) },
              { term: t('monitoring.scan.stillOpen'), value: n(c.alerts.stillOpen) },
              { term: t('monitoring.scan.stoppedFiring'), value: n(c.alerts.stoppedFiring) },
              { term: t('monitoring.scan.segmentsChanged'), value: n(c.segmentsChanged) },
              { term: t('monitoring.scan.skipped'), value: n(c.skipped) },
              { term: t('monitoring.scan.duration'), value: scan.status === 'completed' ? duration(scan.durationMs, lang) : '—' },
              { term: t('monitoring.scan.ruleSets'), value: scan.ruleSets.map((r) => `${r.key}@${r.version}`).join(', ') || '—', mono: true },
            ]}
          />
        </Box>
      )}
    </Box>
  );
}
