import { useTranslation } from 'react-i18next';
import { Box, Chip, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { formatCount } from '../../../components/charts/format';
import type { RuleDelta } from '../api/types';

/** The rules whose fire counts changed most: why the outcomes moved, in the engine's own terms. */
export function RuleDeltas({ rules }: { rules: RuleDelta[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  if (rules.length === 0) return <Typography color="text.secondary">{t('simulations.rules.none')}</Typography>;
  const max = Math.max(...rules.map((r) => Math.abs(r.delta)));
  return (
    <Box sx={{ overflowX: 'auto' }}>
      <Table size="small" aria-label={t('simulations.rules.label')}>
        <TableHead>
          <TableRow>
            <TableCell>{t('simulations.rules.rule')}</TableCell>
            <TableCell align="right">{t('simulations.rules.baseline')}</TableCell>
            <TableCell align="right">{t('simulations.rules.candidate')}</TableCell>
            <TableCell align="right">{t('simulations.rules.delta')}</TableCell>
            <TableCell aria-hidden sx={{ width: '30%' }} />
          </TableRow>
        </TableHead>
        <TableBody>
          {rules.map((r) => (
            <TableRow key={r.rule} data-rule={r.rule}>
              <TableCell component="th" scope="row" sx={{ fontFamily: 'monospace', fontSize: 13 }}>
                {r.rule}
                {r.in !== 'both' && <Chip size="small" variant="outlined" label={t(`simulations.rules.in.${r.in}`)} sx={{ ml: 1 }} />}
              </TableCell>
              <TableCell align="right">{formatCount(r.baseline, lang)}</TableCell>
              <TableCell align="right">{formatCount(r.candidate, lang)}</TableCell>
              <TableCell align="right" sx={{ fontWeight: 700, whiteSpace: 'nowrap' }}>
                {r.delta > 0 ? '+' : '−'}
                {formatCount(Math.abs(r.delta), lang)}
              </TableCell>
              <TableCell aria-hidden>
                <Box sx={{ display: 'flex', height: 12 }}>
                  <Box sx={{ width: '50%', display: 'flex', justifyContent: 'flex-end' }}>
                    {r.delta < 0 && <Box sx={{ width: `${(Math.abs(r.delta) / max) * 100}%`, height: '100%', bgcolor: '#546e7a', borderRadius: 0.5 }} />}
                  </Box>
                  <Box sx={{ width: '1px', bgcolor: 'divider' }} />
                  <Box sx={{ width: '50%' }}>{r.delta > 0 && <Box sx={{ width: `${(r.delta / max) * 100}%`, height: '100%', bgcolor: '#1b3a5c', borderRadius: 0.5 }} />}</Box>
                </Box>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}
