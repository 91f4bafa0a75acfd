import { useTranslation } from 'react-i18next';
import { Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { ErrorState, LoadingState } from '../../../components/PageState';
import { ExplanationTree } from '../../../components/explanation/ExplanationTree';
import { outputText } from '../../../components/format/reason-text';
import { useDrillDown } from '../api/simulation-hooks';
import type { DrillSide } from '../api/types';

/**
 * One changed record re-evaluated on both versions with a full trace: the outputs side by side (changed rows
 * marked), then each version's explanation, so the reviewer sees which condition flipped.
 */
export function DrillDownDialog({ simulationId, recordId, onClose }: { simulationId: string; recordId: string | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const drill = useDrillDown(simulationId, recordId);
  const side = (label: string, s: DrillSide) => (
    <Box sx={{ minWidth: 0 }} data-side={label}>
      <Typography variant="subtitle1" component="h3" sx={{ mb: 1 }}>
        {label} {s.version !== null ? `v${s.version}` : ''}
      </Typography>
      {s.trace ? <ExplanationTree trace={s.trace} /> : <Typography color="text.secondary">{t('simulations.drill.noTrace')}</Typography>}
    </Box>
  );
  return (
    <Dialog open={recordId !== null} onClose={onClose} fullWidth maxWidth="xl" aria-labelledby="drill-title">
      <DialogTitle id="drill-title">{t('simulations.drill.title', { record: drill.status === 'ready' ? (drill.data.ref ?? drill.data.recordId) : (recordId ?? '') })}</DialogTitle>
      <DialogContent dividers>
        {drill.status === 'loading' && <LoadingState />}
        {drill.status === 'error' && <ErrorState error={drill.error} onRetry={drill.reload} />}
        {drill.status === 'ready' && (
          <>
            <Table size="small" aria-label={t('simulations.drill.outputs')} sx={{ mb: 3 }}>
              <TableHead>
                <TableRow>
                  <TableCell>{t('simulations.drill.output')}</TableCell>
                  <TableCell>{t('simulations.matrix.baseline')}</TableCell>
                  <TableCell>{t('simulations.matrix.candidate')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {Object.keys({ ...drill.data.baseline.outputs, ...drill.data.candidate.outputs }).map((o) => {
                  const changed = drill.data.changedOutputs.includes(o);
                  return (
                    <TableRow key={o} sx={changed ? { bgcolor: 'rgba(240, 165, 0, 0.12)' } : undefined}>
                      <TableCell component="th" scope="row" sx={{ fontFamily: 'monospace', fontWeight: changed ? 700 : 400 }}>
                        {o}
                        {changed && (
                          <Typography component="span" variant="caption" sx={{ ml: 1, fontFamily: 'inherit' }}>
                            {t('simulations.drill.changed')}
                          </Typography>
                        )}
                      </TableCell>
                      <TableCell sx={{ whiteSpace: 'pre-line' }}>{outputText(drill.data.baseline.outputs[o], lang)}</TableCell>
                      <TableCell sx={{ whiteSpace: 'pre-line' }}>{outputText(drill.data.candidate.outputs[o], lang)}</TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
            <Box sx={{ display: 'grid', gap: 3, gridTemplateColumns: { xs: 'minmax(0, 1fr)', lg: 'repeat(2, minmax(0, 1fr))' } }}>
              {side(t('simulations.matrix.baseline'), drill.data.baseline)}
              {side(t('simulations.matrix.candidate'), drill.data.candidate)}
            </Box>
          </>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('simulations.drill.close')}</Button>
      </DialogActions>
    </Dialog>
  );
}
