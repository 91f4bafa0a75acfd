import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useLocation } from 'react-router-dom';
import { Link, Paper, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { formatAmount, formatAmountExact } from '../../../components/charts/format';
import { Class5Chip } from '../../portfolio/chips/Class5Chip';
import { SeverityChip } from '../../portfolio/chips/SeverityChip';
import { clientName, industryLabel, provinceLabel } from '../../portfolio/model/labels';
import type { ClientSummary } from '../api/types';

const second = { display: 'block', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } as const;

/** The client list: name and identifier, where and what it is, who looks after it, how much we lend, how it is classified. */
export function ClientTable({ items }: { items: ClientSummary[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const location = useLocation();
  const from = { from: location.pathname + location.search };
  return (
    <TableContainer component={Paper} variant="outlined">
      <Table size="small" aria-label={t('clients.list.tableLabel')} sx={{ tableLayout: 'fixed', minWidth: 1000, '& td': { overflow: 'hidden' } }}>
        <TableHead>
          <TableRow>
            <TableCell sx={{ width: '26%' }}>{t('clients.list.columns.name')}</TableCell>
            <TableCell sx={{ width: '16%' }}>{t('clients.list.columns.industry')}</TableCell>
            <TableCell sx={{ width: '13%' }}>{t('clients.list.columns.rm')}</TableCell>
            <TableCell sx={{ width: '11%' }} align="right">
              {t('clients.list.columns.exposure')}
            </TableCell>
            <TableCell sx={{ width: '14%' }}>{t('clients.list.columns.class5')}</TableCell>
            <TableCell sx={{ width: '7%' }}>{t('clients.list.columns.tier')}</TableCell>
            <TableCell sx={{ width: '12%' }}>{t('clients.list.columns.riskLevel')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {items.map((c) => (
            <TableRow key={c.id} hover data-client-id={c.id}>
              <TableCell>
                <Link component={RouterLink} to={`/clients/${encodeURIComponent(c.id)}`} state={from} sx={{ ...second, fontWeight: 600 }}>
                  {clientName(c, lang)}
                </Link>
                <Typography variant="caption" color="text.secondary" sx={{ ...second, fontFamily: 'monospace' }}>
                  {c.uscc ?? c.lei ?? c.key}
                </Typography>
              </TableCell>
              <TableCell>
                <Typography variant="body2" sx={second} title={industryLabel(t, c.industrySection)}>
                  {industryLabel(t, c.industrySection)}
                </Typography>
                <Typography variant="caption" color="text.secondary" sx={second}>
                  {c.country === 'CN' ? provinceLabel(t, c.provinceCode) : c.country}
                </Typography>
              </TableCell>
              <TableCell sx={{ fontFamily: 'monospace', fontSize: 13, whiteSpace: 'nowrap', textOverflow: 'ellipsis' }}>{c.relationshipManager ?? '—'}</TableCell>
              <TableCell align="right" title={formatAmountExact(c.exposure, lang)} sx={{ fontVariantNumeric: 'tabular-nums' }}>
                {formatAmount(c.exposure, lang)}
              </TableCell>
              <TableCell>
                <Class5Chip value={c.segments.class5} />
              </TableCell>
              <TableCell>{c.segments.tier ?? '—'}</TableCell>
              <TableCell>
                <SeverityChip severity={c.segments.riskLevel} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
