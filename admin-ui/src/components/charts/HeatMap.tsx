import { Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { srOnly } from './sr-only';

export interface HeatCell {
  count: number;
  exposure: number;
}

/** How a cell relates to the diagonal: unchanged, moved towards the worse end, towards the better end, or just moved. */
export type HeatTone = 'same' | 'worse' | 'better' | 'moved';

export interface HeatAxisItem {
  key: string;
  label: string;
}

export interface HeatMapProps {
  caption: string;
  /** Name of the row axis (e.g. "Baseline") and the column axis ("Candidate"). */
  rowAxis: string;
  colAxis: string;
  rows: HeatAxisItem[];
  cols: HeatAxisItem[];
  cell: (row: string, col: string) => HeatCell | undefined;
  tone: (row: string, col: string) => HeatTone;
  /** Words for each tone, read after the numbers: colour is never the only cue. */
  toneLabels: Record<HeatTone, string>;
  totalLabel: string;
  shadeBy: 'count' | 'exposure';
  formatCount: (n: number) => string;
  formatExposure: (n: number) => string;
}

const TONE_RGB: Record<HeatTone, string> = { same: '84, 97, 112', worse: '179, 38, 30', better: '46, 125, 50', moved: '27, 58, 92' };

/**
 * A matrix of counts as an HTML table (so row and column headers are announced with every cell), shaded by count or
 * exposure. Diagonal cells are the unchanged records (grey); off-diagonal cells are red when the move is towards
 * the worse end, green towards the better end. Each cell says its tone in words for screen readers and on hover.
 */
export function HeatMap(p: HeatMapProps) {
  // The unchanged diagonal usually dwarfs the moves; shade each against its own kind so the moves stay visible.
  const values = (same: boolean) => p.rows.flatMap((r) => p.cols.filter((c) => (p.tone(r.key, c.key) === 'same') === same).map((c) => p.cell(r.key, c.key)?.[p.shadeBy] ?? 0));
  const maxSame = Math.max(0, ...values(true));
  const maxMoved = Math.max(0, ...values(false));
  const rowTotal = (r: string) => sum(p.cols.map((c) => p.cell(r, c.key)));
  const colTotal = (c: string) => sum(p.rows.map((r) => p.cell(r.key, c)));
  const all = sum(p.rows.flatMap((r) => p.cols.map((c) => p.cell(r.key, c.key))));

  return (
    <Box sx={{ overflowX: 'auto' }}>
      <Table size="small" sx={{ width: 'auto', minWidth: 420, borderCollapse: 'separate', borderSpacing: 3, '& td, & th': { border: 0 } }} data-testid="heat-map">
        <Box component="caption" sx={srOnly}>
          {p.caption}
        </Box>
        <TableHead>
          <TableRow>
            <TableCell />
            <TableCell colSpan={p.cols.length} align="center" sx={{ color: 'text.secondary', fontWeight: 600, pb: 0 }}>
              {p.colAxis} →
            </TableCell>
            <TableCell />
          </TableRow>
          <TableRow>
            <TableCell sx={{ color: 'text.secondary', fontWeight: 600, verticalAlign: 'bottom' }}>{p.rowAxis} ↓</TableCell>
            {p.cols.map((c) => (
              <TableCell key={c.key} component="th" scope="col" align="center" sx={{ fontWeight: 600, minWidth: 96 }}>
                {c.label}
              </TableCell>
            ))}
            <TableCell component="th" scope="col" align="center" sx={{ fontWeight: 600, color: 'text.secondary' }}>
              {p.totalLabel}
            </TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {p.rows.map((r) => (
            <TableRow key={r.key}>
              <TableCell component="th" scope="row" sx={{ fontWeight: 600, whiteSpace: 'nowrap' }}>
                {r.label}
              </TableCell>
              {p.cols.map((c) => {
                const v = p.cell(r.key, c.key);
                const tone = p.tone(r.key, c.key);
                const max = tone === 'same' ? maxSame : maxMoved;
                const share = v && max > 0 ? v[p.shadeBy] / max : 0;
                // Never fully transparent when there is something, so a small count still shows; the diagonal stays pale.
                const alpha = v && v.count > 0 ? (tone === 'same' ? 0.08 + 0.3 * Math.sqrt(share) : 0.15 + 0.75 * Math.sqrt(share)) : 0;
                const dark = alpha > 0.55;
                return (
                  <TableCell
                    key={c.key}
                    align="center"
                    title={`${r.label} → ${c.label}: ${p.toneLabels[tone]}`}
                    data-row={r.key}
                    data-col={c.key}
                    data-tone={tone}
                    sx={{
                      bgcolor: alpha ? `rgba(${TONE_RGB[tone]}, ${alpha.toFixed(2)})` : 'grey.50',
                      color: dark ? '#fff' : 'text.primary',
                      borderRadius: 1,
                      py: 1,
                      outline: tone === 'same' ? '1px dashed rgba(84, 97, 112, 0.5)' : undefined,
                    }}
                  >
                    <Typography component="span" sx={{ display: 'block', fontWeight: 700, fontVariantNumeric: 'tabular-nums' }}>
                      {p.formatCount(v?.count ?? 0)}
                    </Typography>
                    <Typography component="span" variant="caption" sx={{ display: 'block', fontVariantNumeric: 'tabular-nums', color: dark ? '#fff' : 'text.secondary' }}>
                      {p.formatExposure(v?.exposure ?? 0)}
                    </Typography>
                    <Box component="span" sx={srOnly}>
                      {p.toneLabels[tone]}
                    </Box>
                  </TableCell>
                );
              })}
              <TotalCell total={rowTotal(r.key)} formatCount={p.formatCount} formatExposure={p.formatExposure} />
            </TableRow>
          ))}
          <TableRow>
            <TableCell component="th" scope="row" sx={{ fontWeight: 600, color: 'text.secondary' }}>
              {p.totalLabel}
            </TableCell>
            {p.cols.map((c) => (
              <TotalCell key={c.key} total={colTotal(c.key)} formatCount={p.formatCount} formatExposure={p.formatExposure} />
            ))}
            <TotalCell total={all} formatCount={p.formatCount} formatExposure={p.formatExposure} />
          </TableRow>
        </TableBody>
      </Table>
    </Box>
  );
}

function TotalCell({ total: cell, formatCount, formatExposure }: { total: HeatCell } & Pick<HeatMapProps, 'formatCount' | 'formatExposure'>) {
  return (
    <TableCell align="center" sx={{ color: 'text.secondary', fontVariantNumeric: 'tabular-nums' }}>
      <Typography component="span" sx={{ display: 'block', fontWeight: 600 }}>
        {formatCount(cell.count)}
      </Typography>
      <Typography component="span" variant="caption" sx={{ display: 'block' }}>
        {formatExposure(cell.exposure)}
      </Typography>
    </TableCell>
  );
}

function sum(cells: (HeatCell | undefined)[]): HeatCell {
  return cells.reduce<HeatCell>((acc, c) => ({ count: acc.count + (c?.count ?? 0), exposure: acc.exposure + (c?.exposure ?? 0) }), { count: 0, exposure: 0 });
}
