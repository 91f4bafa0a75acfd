import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useLocation, useNavigate } from 'react-router-dom';
import { Box, Link, Paper, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import type { DecisionRecord } from '../api/types';
import { actorText } from '../../../components/format/actor-text';
import { formatDateTime } from '../../../components/format/date-time';
import { latencyText, shortHash } from '../model/format';
import { OutcomeChip } from './OutcomeChip';
import { useWindow } from './use-window';

export const ROW_HEIGHT = 48;
// Widths chosen so that at 1280 px every value fits whole; two-line cells keep the row height fixed.
const COLUMNS = [
  { key: 'evaluatedAt', width: '11%' },
  { key: 'ruleSet', width: '23%' },
  { key: 'outcome', width: '12%' },
  { key: 'caller', width: '13%' },
  { key: 'client', width: '10%' },
  { key: 'latency', width: '9%', align: 'right' as const },
  { key: 'id', width: '22%' },
];
const cell = { height: ROW_HEIGHT, py: 0, px: 1.5, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis', lineHeight: 1.3 } as const;
const second = { display: 'block', overflow: 'hidden', textOverflow: 'ellipsis' } as const;

export interface DecisionTableProps {
  items: DecisionRecord[];
  hasMore: boolean;
  loadingMore: boolean;
  /** After a failed page the table stops asking; the page's retry button takes over. */
  paused?: boolean;
  onNeedMore: () => void;
}

/**
 * The decision log as a windowed table: however many pages are loaded, only the rows in view are in the DOM.
 * Scrolling near the end asks for the next page (the page also offers a button for it).
 */
export function DecisionTable({ items, hasMore, loadingMore, paused = false, onNeedMore }: DecisionTableProps) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const win = useWindow<HTMLDivElement>(items.length, ROW_HEIGHT);
  const nearEnd = win.end >= items.length - 10;
  useEffect(() => {
    if (nearEnd && hasMore && !loadingMore && !paused) onNeedMore();
  }, [nearEnd, hasMore, loadingMore, paused, onNeedMore]);

  // The detail page's "back to the log" keeps these filters.
  const linkState = { from: location.pathname + location.search };
  return (
    <TableContainer
      component={Paper}
      variant="outlined"
      ref={win.ref}
      onScroll={win.onScroll}
      sx={{ maxHeight: 'clamp(360px, calc(100vh - 330px), 1200px)', overflowY: 'auto' }}
      data-testid="decision-scroller"
    >
      <Table stickyHeader size="small" aria-label={t('decisions.list.tableLabel')} aria-rowcount={hasMore ? -1 : items.length + 1} sx={{ tableLayout: 'fixed', minWidth: 960 }}>
        <TableHead>
          <TableRow aria-rowindex={1}>
            {COLUMNS.map((c) => (
              <TableCell key={c.key} align={c.align} sx={{ width: c.width, fontWeight: 700 }}>
                {t(`decisions.list.columns.${c.key}`)}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {win.padTop > 0 && <TableRow aria-hidden sx={{ height: win.padTop }} />}
          {items.slice(win.start, win.end).map((d, i) => {
            const index = win.start + i;
            const [day, time] = formatDateTime(d.evaluatedAt, i18n.language, true).split(' ');
            return (
              <TableRow
                key={d.id}
                hover
                aria-rowindex={index + 2}
                data-decision-id={d.id}
                onClick={(e) => {
                  if ((e.target as HTMLElement).closest('a')) return;
                  navigate(`/decisions/${d.id}`, { state: linkState });
                }}
                sx={{ cursor: 'pointer' }}
              >
                <TableCell sx={cell}>
                  {day}
                  <Typography component="span" variant="caption" color="text.secondary" sx={second}>
                    {time}
                  </Typography>
                </TableCell>
                <TableCell sx={cell} title={`${d.ruleSet.key} v${d.ruleSet.version} ${d.ruleSet.contentHash}`}>
                  <Box component="span" sx={{ fontWeight: 600 }}>
                    {d.ruleSet.key}
                  </Box>
                  <Typography component="span" variant="caption" color="text.secondary" sx={second}>
                    v{d.ruleSet.version} · {shortHash(d.ruleSet.contentHash)}
                  </Typography>
                </TableCell>
                <TableCell sx={cell}>
                  <OutcomeChip outcome={d.outcome} />
                </TableCell>
                <TableCell sx={cell} title={d.caller.id}>{actorText(t, d.caller)}</TableCell>
                <TableCell sx={cell}>{d.clientId ?? '—'}</TableCell>
                <TableCell sx={cell} align="right">{latencyText(d.latencyMs, i18n.language)}</TableCell>
                <TableCell sx={cell}>
                  <Link component={RouterLink} to={`/decisions/${d.id}`} state={linkState} sx={{ fontFamily: 'monospace', fontSize: '0.8rem' }} aria-label={t('decisions.list.open', { id: d.id })}>
                    {d.id}
                  </Link>
                </TableCell>
              </TableRow>
            );
          })}
          {win.padBottom > 0 && <TableRow aria-hidden sx={{ height: win.padBottom }} />}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
