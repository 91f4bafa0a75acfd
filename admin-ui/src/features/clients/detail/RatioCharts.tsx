import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Box, Button, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { LineChart } from '../../../components/charts/LineChart';
import { formatPercent, formatTimes } from '../../../components/charts/format';
import type { Statement } from '../api/types';
import { periodLabel, RATIO_DISPLAY, RATIOS, ratioSeries, type RatioName } from '../model/ratios';

/**
 * The client's ratios quarter by quarter, one small chart each, with a dashed line where many policies draw the
 * line. Today's derived value (as the rule sets see it, TTM flows) sits under each chart's title.
 */
export function RatioCharts({ statements, derived }: { statements: Statement[]; derived: Record<string, unknown> | null }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const id = useId();
  const [asTable, setAsTable] = useState(false);
  const rows = ratioSeries(statements);
  const fmt = (name: RatioName) => (v: number) => (RATIO_DISPLAY[name].kind === 'percent' ? formatPercent(v, lang, 0) : formatTimes(v, lang, 0, 2));
  const exact = (name: RatioName, v: number | null) => (RATIO_DISPLAY[name].kind === 'percent' ? formatPercent(v, lang, 1) : formatTimes(v, lang, 2));
  if (rows.length === 0) return <Typography color="text.secondary">{t('clients.ratios.none')}</Typography>;

  return (
    <Box>
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: 'minmax(0, 1fr)', md: 'repeat(2, minmax(0, 1fr))', lg: 'repeat(3, minmax(0, 1fr))' } }}>
        {RATIOS.map((name) => {
          const label = t(`clients.ratios.names.${name}`);
          const points = rows.map((r) => ({ x: r.periodEnd, y: r[name] }));
          const known = points.filter((p) => p.y !== null);
          const today = derived && typeof derived[name] === 'number' ? (derived[name] as number) : null;
          const ref = RATIO_DISPLAY[name].reference;
          const summary = known.length
            ? t('clients.ratios.summary', {
                first: `${periodLabel(known[0].x)} ${exact(name, known[0].y)}`,
                last: `${periodLabel(known[known.length - 1].x)} ${exact(name, known[known.length - 1].y)}`,
                count: known.length,
              })
            : t('clients.ratios.noValues');
          return (
            <Box key={name} data-ratio={name} sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 1.5, minWidth: 0 }}>
              <Typography variant="subtitle2" component="h3">
                {label}
              </Typography>
              <Typography variant="caption" color="text.secondary" component="p" sx={{ mb: 0.5 }}>
                {t('clients.ratios.today', { value: exact(name, today) })}
              </Typography>
              <LineChart
                title={label}
                summary={summary}
                points={points}
                format={fmt(name)}
                formatX={(x) => periodLabel(x).replace(/^20/, '')}
                reference={ref !== undefined ? { value: ref, label: exact(name, ref) } : undefined}
              />
            </Box>
          );
        })}
      </Box>
      <Button size="small" sx={{ mt: 1 }} onClick={() => setAsTable((v) => !v)} aria-expanded={asTable} aria-controls={`${id}-table`}>
        {asTable ? t('clients.ratios.hideTable') : t('clients.ratios.showTable')}
      </Button>
      {asTable && (
        <Box sx={{ overflowX: 'auto', mt: 1 }}>
          <Table size="small" id={`${id}-table`} aria-label={t('clients.ratios.tableLabel')}>
            <TableHead>
              <TableRow>
                <TableCell>{t('clients.ratios.ratio')}</TableCell>
                {rows.map((r) => (
                  <TableCell key={r.periodEnd} align="right">
                    {periodLabel(r.periodEnd)}
                  </TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {RATIOS.map((name) => (
                <TableRow key={name}>
                  <TableCell component="th" scope="row">
                    {t(`clients.ratios.names.${name}`)}
                  </TableCell>
                  {rows.map((r) => (
                    <TableCell key={r.periodEnd} align="right" sx={{ fontVariantNumeric: 'tabular-nums' }}>
                      {exact(name, r[name])}
                    </TableCell>
                  ))}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      )}
      <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 1 }}>
        {t('clients.ratios.note')}
      </Typography>
    </Box>
  );
}
