import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Box, Button, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { DailySeries } from './daily-series';

const KNOWN_COLOURS: Record<string, string> = { approve: '#2e7d32', refer: '#b26a00', decline: '#b3261e' };
const OTHER_COLOURS = ['#1b3a5c', '#0f7b74', '#6a4c93', '#8d6e63', '#546e7a', '#c2185b'];
const W = 840;
const H = 240;
const M = { top: 12, right: 8, bottom: 28, left: 44 };

export function outcomeColours(outcomes: string[]): Record<string, string> {
  let next = 0;
  return Object.fromEntries(outcomes.map((o) => [o, KNOWN_COLOURS[o] ?? OTHER_COLOURS[next++ % OTHER_COLOURS.length]]));
}

/** A round axis maximum: 1, 2, 2.5 or 5 × 10^n at or above `max`. */
function niceMax(max: number): number {
  if (max <= 4) return Math.max(max, 1);
  const p = 10 ** Math.floor(Math.log10(max));
  return [1, 2, 2.5, 5, 10].map((m) => m * p).find((v) => v >= max) ?? max;
}

/**
 * Stacked bars of decisions per day by outcome, drawn as plain SVG. For assistive technology the SVG has a title and
 * a one-sentence summary, and the same numbers are one click away as a table; the legend names every colour.
 */
export function DecisionsChart({ series }: { series: DailySeries }) {
  const { t } = useTranslation();
  const id = useId();
  const [asTable, setAsTable] = useState(false);
  const outcomeLabel = (o: string) => t(`decisions.outcomes.${o}`, { defaultValue: o, nsSeparator: false });
  const colours = outcomeColours(series.outcomes);
  const top = niceMax(Math.max(0, ...series.days.map((d) => d.total)));
  const plotW = W - M.left - M.right;
  const plotH = H - M.top - M.bottom;
  const band = plotW / series.days.length;
  const barW = Math.min(36, band * 0.62);
  const y = (v: number) => M.top + plotH - (v / top) * plotH;
  const totals = series.outcomes.map((o) => `${outcomeLabel(o)} ${series.days.reduce((s, d) => s + (d.counts[o] ?? 0), 0)}`).join(', ');

  return (
    <Box>
      <Box component="svg" viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-t ${id}-d`} sx={{ width: '100%', height: 'auto', display: 'block', fontFamily: 'inherit' }}>
        <title id={`${id}-t`}>{t('dashboard.chart.title', { days: series.days.length })}</title>
        <desc id={`${id}-d`}>{t('dashboard.chart.summary', { count: series.total, totals: totals || '—' })}</desc>
        {[0, top / 2, top].map((v) => (
          <g key={v}>
            <line x1={M.left} x2={W - M.right} y1={y(v)} y2={y(v)} stroke="#dde3ea" />
            <text x={M.left - 6} y={y(v) + 4} textAnchor="end" fontSize="11" fill="#556170">
              {Number.isInteger(v) ? v : v.toFixed(1)}
            </text>
          </g>
        ))}
        {series.days.map((d, i) => {
          const x = M.left + i * band + (band - barW) / 2;
          let acc = 0;
          return (
            <g key={d.day}>
              {series.outcomes.map((o) => {
                const n = d.counts[o] ?? 0;
                if (!n) return null;
                const y0 = y(acc);
                acc += n;
                return (
                  <rect key={o} x={x} width={barW} y={y(acc)} height={y0 - y(acc)} fill={colours[o]}>
                    <title>{`${d.day} · ${outcomeLabel(o)}: ${n}`}</title>
                  </rect>
                );
              })}
              <text x={x + barW / 2} y={H - 10} textAnchor="middle" fontSize="11" fill="#556170">
                {d.day.slice(5)}
              </text>
            </g>
          );
        })}
      </Box>
      <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center', mt: 1 }}>
        {series.outcomes.map((o) => (
          <Stack key={o} direction="row" spacing={0.75} sx={{ alignItems: 'center' }}>
            <Box aria-hidden sx={{ width: 12, height: 12, borderRadius: 0.5, bgcolor: colours[o] }} />
            <Typography variant="body2">{outcomeLabel(o)}</Typography>
          </Stack>
        ))}
        <Box sx={{ flexGrow: 1 }} />
        <Button size="small" onClick={() => setAsTable((v) => !v)} aria-expanded={asTable} aria-controls={`${id}-table`}>
          {asTable ? t('dashboard.chart.hideTable') : t('dashboard.chart.showTable')}
        </Button>
      </Stack>
      {asTable && (
        <Box sx={{ overflowX: 'auto', mt: 1 }}>
          <Table size="small" id={`${id}-table`} aria-label={t('dashboard.chart.title', { days: series.days.length })}>
            <TableHead>
              <TableRow>
                <TableCell>{t('dashboard.chart.day')}</TableCell>
                {series.outcomes.map((o) => (
                  <TableCell key={o} align="right">{outcomeLabel(o)}</TableCell>
                ))}
                <TableCell align="right">{t('dashboard.chart.totalColumn')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {series.days.map((d) => (
                <TableRow key={d.day}>
                  <TableCell>{d.day}</TableCell>
                  {series.outcomes.map((o) => (
                    <TableCell key={o} align="right">{d.counts[o] ?? 0}</TableCell>
                  ))}
                  <TableCell align="right">{d.total}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      )}
    </Box>
  );
}
