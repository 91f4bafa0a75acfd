import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router-dom';
import { Chip, Link, Paper, Table, TableBody, TableCell, TableContainer, TableHead, TableRow } from '@mui/material';
import { formatCount } from '../../components/charts/format';
import { formatDateTime } from '../../components/format/date-time';
import type { Scan } from './api/types';

/** Past scans, newest first; each opens in the panel above. */
export function ScanTable({ items, selected }: { items: Scan[]; selected: string | null }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const n = (v: number) => formatCount(v, lang);
  return (
    <TableContainer component={Paper} variant="outlined">
      <Table size="small" aria-label={t('monitoring.list.label')}>
        <TableHead>
          <TableRow>
            <TableCell>{t('monitoring.list.started')}</TableCell>
            <TableCell>{t('monitoring.list.trigger')}</TableCell>
            <TableCell>{t('monitoring.list.status')}</TableCell>
            <TableCell align="right">{t('monitoring.list.clients')}</TableCell>
            <TableCell align="right">{t('monitoring.list.redOrange')}</TableCell>
            <TableCell align="right">{t('monitoring.list.opened')}</TableCell>
            <TableCell align="right">{t('monitoring.list.duration')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {items.map((s) => (
            <TableRow key={s.id} hover selected={s.id === selected} data-scan-id={s.id}>
              <TableCell>
                <Link component={RouterLink} to={`/monitoring?scan=${encodeURIComponent(s.id)}`} aria-current={s.id === selected ? 'true' : undefined}>
                  {formatDateTime(s.createdAt, lang)}
                </Link>
              </TableCell>
              <TableCell>{t(`monitoring.trigger.${s.trigger}`)}</TableCell>
              <TableCell>
                <Chip size="small" variant="outlined" label={t(`monitoring.scanStatus.${s.status}`)} color={s.status === 'completed' ? 'success' : s.status === 'failed' ? 'error' : s.status === 'interrupted' ? 'warning' : 'info'} />
              </TableCell>
              <TableCell align="right">{n(s.counts.clients || s.progress.total)}</TableCell>
              <TableCell align="right">{n(s.counts.signals.red + s.counts.signals.orange)}</TableCell>
              <TableCell align="right">{n(s.counts.alerts.opened)}</TableCell>
              <TableCell align="right">{s.status === 'completed' ? `${new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(s.durationMs / 1000)} s` : '—'}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
