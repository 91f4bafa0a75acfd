import { useTranslation } from 'react-i18next';
import { Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { formatAmount, formatAmountExact } from '../../../components/charts/format';
import type { Statement } from '../api/types';
import { periodLabel, statementsByPeriod } from '../model/ratios';

// The lines a credit analyst reads first; the full statement has sixty more (docs/clients.md).
const LINES = [
  'revenue',
  'netProfit',
  'interestExpense',
  'cfo',
  'cash',
  'totalCurrentAssets',
  'inventory',
  'totalAssets',
  'totalCurrentLiabilities',
  'stBorrowings',
  'ltBorrowings',
  'totalLiabilities',
  'totalEquity',
] as const;

/** Statements by period, oldest to newest as in the charts above; flows are year to date as filed. */
export function StatementsTable({ statements }: { statements: Statement[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const periods = statementsByPeriod(statements);
  if (periods.length === 0) return <Typography color="text.secondary">{t('clients.statements.none')}</Typography>;
  const currency = periods[periods.length - 1].currency ?? 'CNY';
  return (
    <Box sx={{ overflowX: 'auto' }}>
      <Table size="small" aria-label={t('clients.statements.tableLabel', { currency })} sx={{ '& td, & th': { whiteSpace: 'nowrap', px: 1 } }}>
        <TableHead>
          <TableRow>
            <TableCell>{t('clients.statements.line', { currency })}</TableCell>
            {periods.map((s) => (
              <TableCell key={s.periodEnd} align="right">
                <Box component="span" sx={{ display: 'block', fontWeight: 600 }}>
                  {periodLabel(s.periodEnd)}
                </Box>
                <Typography component="span" variant="caption" color="text.secondary">
                  {[s.scope ? t(`clients.statements.scope.${s.scope}`, { defaultValue: s.scope }) : null, s.audited ? t('clients.statements.audited') : null].filter(Boolean).join(' · ') || s.periodEnd}
                </Typography>
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {LINES.map((line) => (
            <TableRow key={line} hover>
              <TableCell component="th" scope="row">
                {t(`clients.statements.lines.${line}`)}
              </TableCell>
              {periods.map((s) => {
                const v = typeof s[line] === 'number' ? (s[line] as number) : null;
                return (
                  <TableCell key={s.periodEnd} align="right" title={formatAmountExact(v, lang, s.currency ?? currency)} sx={{ fontVariantNumeric: 'tabular-nums', color: v !== null && v < 0 ? 'error.main' : undefined }}>
                    {formatAmount(v, lang, '')}
                  </TableCell>
                );
              })}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}
