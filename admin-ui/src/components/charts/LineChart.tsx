import { useId } from 'react';
import { Box } from '@mui/material';
import { AXIS_TEXT, GRID, SERIES_COLOURS } from './colours';
import { niceRange } from './format';

export interface LinePoint {
  /** The category on the x axis, e.g. a quarter "2026-09-30" or a day. */
  x: string;
  /** null leaves a gap (a ratio that cannot be computed for that period). */
  y: number | null;
}

export interface LineChartProps {
  /** The accessible name (SVG title). */
  title: string;
  /** One sentence a screen reader hears after the title: first, last, lowest and highest values. */
  summary: string;
  points: LinePoint[];
  format: (value: number) => string;
  /** How an x value is shown under the axis (defaults to the value itself). */
  formatX?: (x: string) => string;
  /** A threshold drawn as a dashed line with its label, e.g. a covenant floor. */
  reference?: { value: number; label: string };
  /** Fix the y range instead of fitting it, e.g. [0, 1] for a rate. */
  range?: [number, number];
  colour?: string;
  width?: number;
  height?: number;
}

const M = { top: 14, right: 22, bottom: 26, left: 48 };

/**
 * One series over ordered categories as plain SVG: a line with a dot per value (each dot has its own tooltip),
 * gaps where the value is missing, an optional dashed reference line. Pages put the same numbers in a table.
 */
export function LineChart({ title, summary, points, format, formatX = (x) => x, reference, range, colour = SERIES_COLOURS[0], width = 360, height = 170 }: LineChartProps) {
  const id = useId();
  const values = points.map((p) => p.y).filter((v): v is number => v !== null && Number.isFinite(v));
  const [lo, hi] = range ?? niceRange(reference ? [...values, reference.value] : values);
  const plotW = width - M.left - M.right;
  const plotH = height - M.top - M.bottom;
  const step = points.length > 1 ? plotW / (points.length - 1) : 0;
  const x = (i: number) => M.left + (points.length > 1 ? i * step : plotW / 2);
  const y = (v: number) => M.top + plotH - ((v - lo) / (hi - lo || 1)) * plotH;
  // Break the path where a value is missing.
  let path = '';
  let pen = false;
  points.forEach((p, i) => {
    if (p.y === null || !Number.isFinite(p.y)) {
      pen = false;
      return;
    }
    path += `${pen ? 'L' : 'M'}${x(i).toFixed(1)},${y(p.y).toFixed(1)}`;
    pen = true;
  });
  const ticks = lo < 0 && hi > 0 ? [lo, 0, hi] : [lo, (lo + hi) / 2, hi];
  const labelEvery = Math.max(1, Math.ceil(points.length / 6));

  return (
    <Box component="svg" viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${id}-t ${id}-d`} sx={{ width: '100%', height: 'auto', display: 'block', fontFamily: 'inherit' }}>
      <title id={`${id}-t`}>{title}</title>
      <desc id={`${id}-d`}>{summary}</desc>
      {ticks.map((v) => (
        <g key={v}>
          <line x1={M.left} x2={width - M.right} y1={y(v)} y2={y(v)} stroke={GRID} />
          <text x={M.left - 6} y={y(v) + 4} textAnchor="end" fontSize="10" fill={AXIS_TEXT}>
            {format(v)}
          </text>
        </g>
      ))}
      {reference && reference.value >= lo && reference.value <= hi && (
        <g>
          <line x1={M.left} x2={width - M.right} y1={y(reference.value)} y2={y(reference.value)} stroke="#b3261e" strokeDasharray="4 3" />
          <text x={width - M.right} y={y(reference.value) - 4} textAnchor="end" fontSize="10" fill="#b3261e">
            {reference.label}
          </text>
        </g>
      )}
      <path d={path} fill="none" stroke={colour} strokeWidth={2} />
      {points.map((p, i) =>
        p.y === null || !Number.isFinite(p.y) ? null : (
          <circle key={p.x} cx={x(i)} cy={y(p.y)} r={3.5} fill={colour}>
            <title>{`${formatX(p.x)}: ${format(p.y)}`}</title>
          </circle>
        ),
      )}
      {points.map((p, i) =>
        (points.length - 1 - i) % labelEvery === 0 ? (
          <text key={p.x} x={x(i)} y={height - 8} textAnchor="middle" fontSize="10" fill={AXIS_TEXT}>
            {formatX(p.x)}
          </text>
        ) : null,
      )}
    </Box>
  );
}
