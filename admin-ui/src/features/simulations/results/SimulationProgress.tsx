import { useTranslation } from 'react-i18next';
import { Box, LinearProgress, Stack, Typography } from '@mui/material';
import { formatCount } from '../../../components/charts/format';
import type { LiveMode } from '../api/simulation-hooks';
import type { Simulation } from '../api/types';

/** A live progress bar: records done of all, the rate, time left and changes found so far. */
export function SimulationProgress({ sim, live }: { sim: Simulation; live: LiveMode }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const p = sim.progress;
  const pct = p.total ? Math.min(100, (p.processed / p.total) * 100) : undefined;
  const label = t('simulations.progress.label');
  return (
    <Box>
      <Stack direction="row" sx={{ justifyContent: 'space-between', mb: 0.5, flexWrap: 'wrap' }} useFlexGap spacing={2}>
        <Typography variant="body2" role="status" aria-live="polite">
          {sim.status === 'queued'
            ? t('simulations.progress.queued')
            : t('simulations.progress.done', { processed: formatCount(p.processed, lang), total: p.total === null ? '?' : formatCount(p.total, lang), changed: formatCount(p.changed, lang) })}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {p.rate > 0 && t('simulations.progress.rate', { rate: formatCount(Math.round(p.rate), lang) })}
          {p.etaSeconds !== null && p.etaSeconds > 0 && ` · ${t('simulations.progress.eta', { count: Math.ceil(p.etaSeconds) })}`}
          {live && ` · ${t(`simulations.progress.live.${live}`)}`}
        </Typography>
      </Stack>
      <LinearProgress variant={pct === undefined || sim.status === 'queued' ? 'indeterminate' : 'determinate'} value={pct ?? 0} aria-label={label} sx={{ height: 10, borderRadius: 1 }} />
    </Box>
  );
}
