import type { ReactNode } from 'react';
import { Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { SERIES_COLOURS } from './colours';
import { srOnly } from './sr-only';

export interface BarDatum {
  key: string;
  label: ReactNode;
  /** The label as plain text, for the tooltip of a label cut short. */
  title?: string;
  value: number;
  /** A highlighted share of `value` (overdue alerts, changed records), drawn solid from the left. */
  part?: number;
  colour?: string;
  /** A second figure after the value, e.g. "CNY 4.3B · 29 %". */
  detail?: string;
}

export interface BarListProps {
  /** The table's caption: what is measured, e.g. "Exposure by industry". */
  caption: string;
  /** Hide the caption visually when a heading above already says it. */
  hideCaption?: boolean;
  labelHeader: string;
  valueHeader: string;
  /** Header of the `part` column; without it no part column is shown. */
  partHeader?: string;
  data: BarDatum[];
  format: (value: number) => string;
  formatPart?: (part: number) => string;
  /** A second figure after the value, e.g. the share of the total. */
  note?: (d: BarDatum) => string;
  /** One colour for every bar unless a datum brings its own (severities, classes). */
  colour?: string;
}

/**
 * Horizontal bars as a real table: a screen reader reads label and value cell by cell, the bars are decoration
 * (aria-hidden) beside the numbers. With a highlighted part, the bar is light for the whole value and solid for the part.
 */
export function BarList({ caption, hideCaption, labelHeader, valueHeader, partHeader, data, format, formatPart, note, colour = SERIES_COLOURS[0] }: BarListProps) {
  const max = Math.max(0, ...data.map((d) => d.value));
  // Column widths: a second figure after the value (an amount and a share) needs room of its own.
  const wide = data.some((d) => d.detail);
  const widths = wide ? ['30%', '26%', '44%'] : ['38%', partHeader ? '30%' : '43%', '19%'];
  return (
    <Table
      size="small"
      sx={{
        tableLayout: 'fixed',
        '& td, & th': { borderBottom: 0, py: 0.5, px: 1 },
        '& thead th': { color: 'text.secondary', fontWeight: 600 },
        '& caption': { captionSide: 'top', px: 0, pt: 0, pb: 1 },
      }}
    >
      <Box component="caption" sx={hideCaption ? srOnly : { textAlign: 'left', typography: 'subtitle2', color: 'text.primary' }}>
        {caption}
      </Box>
      <TableHead>
        <TableRow>
          <TableCell sx={{ width: widths[0] }}>{labelHeader}</TableCell>
          <TableCell aria-hidden sx={{ width: widths[1] }} />
          <TableCell align="right" sx={{ width: widths[2] }}>
            {valueHeader}
          </TableCell>
          {partHeader && (
            <TableCell align="right" sx={{ width: '13%' }}>
              {partHeader}
            </TableCell>
          )}
        </TableRow>
      </TableHead>
      <TableBody>
        {data.map((d) => {
          const c = d.colour ?? colour;
          const width = max > 0 ? (d.value / max) * 100 : 0;
          const partWidth = d.part && d.value > 0 ? Math.min(100, (d.part / d.value) * 100) : 0;
          return (
            <TableRow key={d.key} data-key={d.key}>
              <TableCell component="th" scope="row" title={d.title} sx={{ whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
                {d.label}
              </TableCell>
              <TableCell aria-hidden>
                <Box sx={{ height: 14, width: `${Math.max(width, d.value > 0 ? 1 : 0)}%`, bgcolor: d.part === undefined ? c : `${c}70`, borderRadius: 0.5, overflow: 'hidden' }}>
                  {partWidth > 0 && <Box sx={{ height: '100%', width: `${partWidth}%`, bgcolor: c }} />}
                </Box>
              </TableCell>
              <TableCell align="right" sx={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
                {format(d.value)}
                {(note || d.detail) && (
                  <Typography component="span" variant="caption" color="text.secondary" sx={{ ml: 0.75 }}>
                    {note ? note(d) : d.detail}
                  </Typography>
                )}
              </TableCell>
              {partHeader && (
                <TableCell align="right" sx={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
                  {d.part === undefined ? '—' : (formatPart ?? format)(d.part)}
                </TableCell>
              )}
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
