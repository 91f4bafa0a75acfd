import { useTranslation } from 'react-i18next';
import { Box, Paper, Typography } from '@mui/material';
import { formatAmount, formatCount, formatPercent } from '../../../components/charts/format';
import type { SimulationResults } from '../api/types';

function Figure({ label, value, note, testId }: { label: string; value: string; note?: string; testId?: string }) {
  return (
    <Paper variant="outlined" sx={{ p: 2, minWidth: 0 }} data-testid={testId}>
      <Typography variant="body2" color="text.secondary" component="h3">
        {label}
      </Typography>
      <Typography variant="h6" component="p" sx={{ fontVariantNumeric: 'tabular-nums', mt: 0.5, fontSize: '1.25rem' }}>
        {value}
      </Typography>
      {note && (
        <Typography variant="caption" color="text.secondary">
          {note}
        </Typography>
      )}
    </Paper>
  );
}

/** The headline numbers: how many records changed and how much exposure they carry; approval rate, limit and spread. */
export function SummaryFigures({ results }: { results: SimulationResults }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const s = results.summary;
  const share = s.evaluated ? s.changed / s.evaluated : 0;
  const pp = (a: number, b: number) => {
    const d = Math.round((b - a) * 1000) / 10;
    return `${d > 0 ? '+' : d < 0 ? '−' : '±'}${new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(Math.abs(d))} pp`;
  };
  const arrow = (a: string, b: string) => `${a} → ${b}`;
  return (
    <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr 1fr', lg: 'repeat(5, 1fr)' } }}>
      <Figure
        testId="figure-changed"
        label={t('simulations.summary.changed')}
        value={formatCount(s.changed, lang)}
        note={t('simulations.summary.changedNote', { share: formatPercent(share, lang), count: s.evaluated })}
      />
      <Figure
        label={t('simulations.summary.changedExposure')}
        value={formatAmount(s.changedExposure, lang)}
        note={t('simulations.summary.ofExposure', { share: formatPercent(s.exposure ? s.changedExposure / s.exposure : 0, lang), total: formatAmount(s.exposure, lang) })}
      />
      {s.approvalRate && (
        <Figure
          testId="figure-approval"
          label={t('simulations.summary.approvalRate')}
          value={arrow(formatPercent(s.approvalRate.baseline, lang), formatPercent(s.approvalRate.candidate, lang))}
          note={pp(s.approvalRate.baseline, s.approvalRate.candidate)}
        />
      )}
      {s.averageLimit && (
        <Figure
          label={t('simulations.summary.averageLimit', { output: s.averageLimit.output })}
          value={arrow(formatAmount(s.averageLimit.baseline, lang, ''), formatAmount(s.averageLimit.candidate, lang, ''))}
          note={t('simulations.summary.nullsLeftOut')}
        />
      )}
      {s.averageSpread && (
        <Figure
          label={t('simulations.summary.averageSpread', { output: s.averageSpread.output })}
          value={arrow(fmt(s.averageSpread.baseline, lang), fmt(s.averageSpread.candidate, lang))}
          note={t('simulations.summary.bp')}
        />
      )}
      {!s.approvalRate && (
        <Figure label={t('simulations.summary.evaluated')} value={formatCount(s.evaluated, lang)} note={s.skipped ? t('simulations.summary.skipped', { count: s.skipped }) : undefined} />
      )}
    </Box>
  );
}

function fmt(n: number | null, lang: string): string {
  return n === null ? '—' : new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(n);
}
