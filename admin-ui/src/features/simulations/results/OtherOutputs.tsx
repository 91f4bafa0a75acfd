import { useTranslation } from 'react-i18next';
import { Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { formatAmount, formatCount } from '../../../components/charts/format';
import type { OutputResult } from '../api/types';
import { outputValueLabel } from '../model/values';

type Numeric = Extract<OutputResult, { kind: 'numeric' }>;
type SetResult = Extract<OutputResult, { kind: 'set' }>;

/** Numeric outputs (limits, spreads) and list outputs (reasons, conditions, signals): what moved, and by how much. */
export function OtherOutputs({ outputs }: { outputs: OutputResult[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const numeric = outputs.filter((o): o is Numeric => o.kind === 'numeric');
  const sets = outputs.filter((o): o is SetResult => o.kind === 'set');
  const n = (v: number | null) => (v === null ? '—' : new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(v));
  const cell = (c: { count: number; exposure: number }) => `${formatCount(c.count, lang)} · ${formatAmount(c.exposure, lang)}`;
  return (
    <Box sx={{ display: 'grid', gap: 3, gridTemplateColumns: 'minmax(0, 1fr)' }}>
      {numeric.length > 0 && (
        <Box sx={{ overflowX: 'auto' }}>
          <Table size="small" aria-label={t('simulations.outputs.numericLabel')}>
            <TableHead>
              <TableRow>
                <TableCell>{t('simulations.outputs.output')}</TableCell>
                <TableCell align="right">{t('simulations.outputs.increased')}</TableCell>
                <TableCell align="right">{t('simulations.outputs.decreased')}</TableCell>
                <TableCell align="right">{t('simulations.outputs.toOrFromNull')}</TableCell>
                <TableCell align="right">{t('simulations.outputs.unchanged')}</TableCell>
                <TableCell align="right">{t('simulations.outputs.mean')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {numeric.map((o) => (
                <TableRow key={o.output}>
                  <TableCell component="th" scope="row" sx={{ fontFamily: 'monospace' }}>
                    {o.output}
                  </TableCell>
                  <TableCell align="right">{cell(o.increased)}</TableCell>
                  <TableCell align="right">{cell(o.decreased)}</TableCell>
                  <TableCell align="right">{o.toOrFromNull ? cell(o.toOrFromNull) : '—'}</TableCell>
                  <TableCell align="right">{formatCount(o.unchanged.count, lang)}</TableCell>
                  <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                    {n(o.baseline.mean)} → {n(o.candidate.mean)}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      )}
      {sets.map((o) => (
        <Box key={o.output}>
          <Typography variant="subtitle2" component="h3" sx={{ fontFamily: 'monospace' }}>
            {o.output}
          </Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
            {t('simulations.outputs.setChanged', { count: o.changed.count })}
          </Typography>
          {o.changed.count > 0 && (
            <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: 'minmax(0, 1fr)', lg: 'repeat(2, minmax(0, 1fr))' } }}>
              {(['added', 'removed'] as const).map((side) => (
                <Table key={side} size="small" aria-label={t(`simulations.outputs.${side}Label`, { output: o.output })}>
                  <TableHead>
                    <TableRow>
                      <TableCell>{t(`simulations.outputs.${side}`)}</TableCell>
                      <TableCell align="right">{t('simulations.outputs.records')}</TableCell>
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    {o[side].length === 0 ? (
                      <TableRow>
                        <TableCell colSpan={2} sx={{ color: 'text.secondary' }}>
                          {t('simulations.outputs.nothing')}
                        </TableCell>
                      </TableRow>
                    ) : (
                      o[side].slice(0, 10).map((x, i) => (
                        <TableRow key={i}>
                          <TableCell>{outputValueLabel(t, x.item, lang)}</TableCell>
                          <TableCell align="right">{formatCount(x.count, lang)}</TableCell>
                        </TableRow>
                      ))
                    )}
                  </TableBody>
                </Table>
              ))}
            </Box>
          )}
        </Box>
      ))}
    </Box>
  );
}
