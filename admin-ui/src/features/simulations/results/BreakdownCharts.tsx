import { useTranslation } from 'react-i18next';
import { Box, Typography } from '@mui/material';
import { BarList } from '../../../components/charts/BarList';
import { formatCount, formatPercent } from '../../../components/charts/format';
import { DIMENSIONS, type SimulationResults } from '../api/types';
import { dimensionValueLabel } from '../model/values';

const TOP = 10;

/**
 * Where the changes fall: per industry, region, tier and size, the records (bar) and the changed ones (dark part of
 * the bar, and a column), the values with the most changes first.
 */
export function BreakdownCharts({ results }: { results: SimulationResults }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const dims = DIMENSIONS.filter((d) => (results.breakdowns[d]?.length ?? 0) > 0);
  if (dims.length === 0) return <Typography color="text.secondary">{t('simulations.breakdown.none')}</Typography>;
  return (
    <Box sx={{ display: 'grid', gap: 3, gridTemplateColumns: { xs: 'minmax(0, 1fr)', lg: 'repeat(2, minmax(0, 1fr))' } }}>
      {dims.map((dim) => {
        const rows = [...(results.breakdowns[dim] ?? [])].sort((a, b) => b.changed - a.changed || b.records - a.records).slice(0, TOP);
        return (
          <Box key={dim} data-dimension={dim} sx={{ minWidth: 0 }}>
            <BarList
              caption={t(`simulations.breakdown.by.${dim}`)}
              labelHeader={t(`simulations.breakdown.dimension.${dim}`)}
              valueHeader={t('simulations.breakdown.records')}
              partHeader={t('simulations.breakdown.changed')}
              data={rows.map((r) => ({ key: r.value, label: dimensionValueLabel(t, dim, r.value), title: dimensionValueLabel(t, dim, r.value), value: r.records, part: r.changed }))}
              format={(n) => formatCount(n, lang)}
              formatPart={(n) => formatCount(n, lang)}
              note={(d) => (d.part ? formatPercent(d.part / d.value, lang, 0) : '')}
            />
            {(results.breakdowns[dim]?.length ?? 0) > TOP && (
              <Typography variant="caption" color="text.secondary">
                {t('simulations.breakdown.top', { count: TOP, total: results.breakdowns[dim]!.length })}
              </Typography>
            )}
          </Box>
        );
      })}
    </Box>
  );
}
