import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useLocation } from 'react-router-dom';
import { Checkbox, Link, Paper, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { formatDateTime } from '../../../components/format/date-time';
import { SeverityChip } from '../../portfolio/chips/SeverityChip';
import { isActive, text, type Alert } from '../api/types';
import { AlertStatusChip } from './AlertStatusChip';
import { SlaCountdown } from './SlaCountdown';

export interface AlertTableProps {
  items: Alert[];
  now: Date;
  /** Selection for bulk acknowledgement; only open alerts can be selected. */
  selected?: ReadonlySet<string>;
  onToggle?: (id: string) => void;
  onToggleAll?: (ids: string[], on: boolean) => void;
  /** Hide the client column (on a client's own page). */
  hideClient?: boolean;
}

const second = { display: 'block', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } as const;

/** The inbox rows: severity, signal and client, owner, status and the SLA countdown. */
export function AlertTable({ items, now, selected, onToggle, onToggleAll, hideClient }: AlertTableProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const location = useLocation();
  const from = { from: location.pathname + location.search };
  const selectable = items.filter((a) => a.status === 'open').map((a) => a.id);
  const allOn = selectable.length > 0 && selectable.every((id) => selected?.has(id));
  const someOn = selectable.some((id) => selected?.has(id));
  return (
    <TableContainer component={Paper} variant="outlined">
      <Table size="small" aria-label={t('alerts.list.tableLabel')} sx={{ tableLayout: 'fixed', minWidth: 960, '& td:not(.MuiTableCell-paddingCheckbox)': { overflow: 'hidden' } }}>
        <TableHead>
          <TableRow>
            {onToggle && (
              <TableCell padding="checkbox" sx={{ width: 48 }}>
                <Checkbox
                  checked={allOn}
                  indeterminate={someOn && !allOn}
                  disabled={selectable.length === 0}
                  onChange={(e) => onToggleAll?.(selectable, e.target.checked)}
                  slotProps={{ input: { 'aria-label': t('alerts.list.selectAll') } }}
                />
              </TableCell>
            )}
            <TableCell sx={{ width: '12%' }}>{t('alerts.list.columns.severity')}</TableCell>
            <TableCell sx={{ width: hideClient ? '37%' : '23%' }}>{t('alerts.list.columns.signal')}</TableCell>
            {!hideClient && <TableCell sx={{ width: '22%' }}>{t('alerts.list.columns.client')}</TableCell>}
            <TableCell sx={{ width: '11%' }}>{t('alerts.list.columns.owner')}</TableCell>
            <TableCell sx={{ width: '14%' }}>{t('alerts.list.columns.status')}</TableCell>
            <TableCell sx={{ width: '18%' }}>{t('alerts.list.columns.sla')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {items.map((a) => {
            const title = text(a.title, lang);
            return (
              <TableRow key={a.id} hover data-alert-id={a.id} selected={selected?.has(a.id)}>
                {onToggle && (
                  <TableCell padding="checkbox">
                    <Checkbox
                      checked={selected?.has(a.id) ?? false}
                      disabled={a.status !== 'open'}
                      onChange={() => onToggle(a.id)}
                      slotProps={{ input: { 'aria-label': t('alerts.list.select', { title, client: a.clientName }) } }}
                    />
                  </TableCell>
                )}
                <TableCell>
                  <SeverityChip severity={a.severity} />
                </TableCell>
                <TableCell>
                  <Link component={RouterLink} to={`/alerts/${encodeURIComponent(a.id)}`} state={from} sx={{ ...second, fontWeight: 600 }} title={title}>
                    {a.ruleId} · {title}
                  </Link>
                  <Typography variant="caption" color="text.secondary" sx={second}>
                    {t('alerts.list.opened', { at: formatDateTime(a.openedAt, lang) })}
                    {!a.stillFiring && ` · ${t('alerts.list.stoppedFiring')}`}
                  </Typography>
                </TableCell>
                {!hideClient && (
                  <TableCell>
                    <Link component={RouterLink} to={`/clients/${encodeURIComponent(a.clientId)}`} sx={second} title={a.clientName}>
                      {a.clientName}
                    </Link>
                  </TableCell>
                )}
                <TableCell sx={{ fontFamily: 'monospace', fontSize: 13 }}>{a.owner ?? '—'}</TableCell>
                <TableCell>
                  <AlertStatusChip alert={a} />
                </TableCell>
                <TableCell>
                  <SlaCountdown dueAt={a.dueAt} active={isActive(a.status)} now={now} />
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
