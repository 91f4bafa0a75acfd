import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router-dom';
import { Alert, Box, Button, Link, Paper, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { problemMessage } from '../../../api/problem-message';
import { ErrorState, LoadingState } from '../../../components/PageState';
import { formatAmount } from '../../../components/charts/format';
import { useChanges } from '../api/simulation-hooks';
import type { ChangedRecord, Dimension } from '../api/types';
import { dimensionValueLabel, outputValueLabel } from '../model/values';

const second = { display: 'block', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } as const;

/** The records whose outputs changed, in population order; "Explain" opens both versions' explanations. */
export function ChangesTable({ simulationId, primaryOutput, truncated, onExplain }: { simulationId: string; primaryOutput: string | null; truncated: boolean; onExplain: (r: ChangedRecord) => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { state, loadMore, reload } = useChanges(simulationId, true);
  if (state.status === 'loading') return <LoadingState />;
  if (state.status === 'error') return <ErrorState error={state.error} onRetry={reload} />;
  if (state.items.length === 0) return <Typography color="text.secondary">{t('simulations.changes.none')}</Typography>;
  const show = (out: string, v: unknown) => (out === primaryOutput ? outputValueLabel(t, v, lang) : shortValue(v, lang, t));
  return (
    <Box>
      {truncated && (
        <Alert severity="info" sx={{ mb: 1 }}>
          {t('simulations.changes.truncated')}
        </Alert>
      )}
      <TableContainer component={Paper} variant="outlined">
        <Table size="small" aria-label={t('simulations.changes.label')} sx={{ tableLayout: 'fixed', minWidth: 880, '& td': { overflow: 'hidden', verticalAlign: 'top' } }}>
          <TableHead>
            <TableRow>
              <TableCell sx={{ width: '17%' }}>{t('simulations.changes.record')}</TableCell>
              <TableCell sx={{ width: '16%' }}>{t('simulations.changes.segment')}</TableCell>
              <TableCell sx={{ width: '10%' }} align="right">
                {t('simulations.changes.exposure')}
              </TableCell>
              <TableCell sx={{ width: '30%' }}>{t('simulations.changes.outputs')}</TableCell>
              <TableCell sx={{ width: '17%' }}>{t('simulations.changes.rules')}</TableCell>
              <TableCell sx={{ width: '10%' }} />
            </TableRow>
          </TableHead>
          <TableBody>
            {state.items.map((r) => (
              <TableRow key={r.recordId} data-record-id={r.recordId} hover>
                <TableCell>
                  {r.ref?.startsWith('cli_') ? (
                    <Link component={RouterLink} to={`/clients/${encodeURIComponent(r.ref)}`} sx={{ ...second, fontFamily: 'monospace', fontSize: 13 }}>
                      {r.ref}
                    </Link>
                  ) : r.ref?.startsWith('dec_') ? (
                    <Link component={RouterLink} to={`/decisions/${encodeURIComponent(r.ref)}`} sx={{ ...second, fontFamily: 'monospace', fontSize: 13 }}>
                      {r.ref}
                    </Link>
                  ) : (
                    <Typography variant="body2" sx={{ ...second, fontFamily: 'monospace' }}>
                      {r.ref ?? r.recordId}
                    </Typography>
                  )}
                  <Typography variant="caption" color="text.secondary">
                    #{r.seq}
                  </Typography>
                </TableCell>
                <TableCell>
                  {r.dims.industry && (
                    <Typography variant="caption" sx={second} title={dimensionValueLabel(t, 'industry', r.dims.industry)}>
                      {dimensionValueLabel(t, 'industry', r.dims.industry)}
                    </Typography>
                  )}
                  <Typography variant="caption" color="text.secondary" sx={second}>
                    {(['region', 'size', 'tier'] as Dimension[])
                      .filter((d) => r.dims[d])
                      .map((d) => dimensionValueLabel(t, d, r.dims[d]!))
                      .join(' · ')}
                  </Typography>
                </TableCell>
                <TableCell align="right">{formatAmount(r.exposure, lang)}</TableCell>
                <TableCell>
                  {r.changedOutputs.map((o) => {
                    const b = r.baseline.outputs[o];
                    const c = r.candidate.outputs[o];
                    const moved = Array.isArray(b) || Array.isArray(c) ? listDiff(b, c, lang, t) : (
                      <>
                        {show(o, b)} → <strong>{show(o, c)}</strong>
                      </>
                    );
                    return (
                      <Typography key={o} variant="body2" sx={second} title={`${o}: ${shortValue(b, lang, t)} → ${shortValue(c, lang, t)}`}>
                        <Box component="span" sx={{ fontFamily: 'monospace', color: 'text.secondary' }}>
                          {o}
                        </Box>{' '}
                        {moved}
                      </Typography>
                    );
                  })}
                </TableCell>
                <TableCell>
                  {r.firedOnlyInCandidate.map((n) => (
                    <Typography key={`c-${n}`} variant="caption" sx={{ ...second, fontFamily: 'monospace' }} title={n}>
                      + {n}
                    </Typography>
                  ))}
                  {r.firedOnlyInBaseline.map((n) => (
                    <Typography key={`b-${n}`} variant="caption" color="text.secondary" sx={{ ...second, fontFamily: 'monospace' }} title={n}>
                      − {n}
                    </Typography>
                  ))}
                </TableCell>
                <TableCell>
                  <Button size="small" onClick={() => onExplain(r)} aria-label={t('simulations.changes.explainRecord', { record: r.ref ?? r.recordId })}>
                    {t('simulations.changes.explain')}
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      {state.moreError != null && <Alert severity="error">{problemMessage(t, state.moreError)}</Alert>}
      {state.nextCursor && (
        <Stack direction="row" sx={{ justifyContent: 'center', mt: 1 }}>
          <Button onClick={loadMore} disabled={state.loadingMore}>
            {t('simulations.changes.more')}
          </Button>
        </Stack>
      )}
    </Box>
  );
}

/** A list output's change as what was added and removed ("+ C03 − L01"): the lists themselves are long. */
function listDiff(b: unknown, c: unknown, lang: string, t: Parameters<typeof outputValueLabel>[0]) {
  const key = (x: unknown) => (typeof x === 'object' && x && 'code' in x ? String((x as { code: unknown }).code) : outputValueLabel(t, x, lang));
  const before = new Set((Array.isArray(b) ? b : []).map(key));
  const after = new Set((Array.isArray(c) ? c : []).map(key));
  const added = [...after].filter((x) => !before.has(x));
  const removed = [...before].filter((x) => !after.has(x));
  return (
    <>
      {added.length > 0 && <strong>+ {added.join(', ')}</strong>}
      {added.length > 0 && removed.length > 0 && ' '}
      {removed.length > 0 && <span>− {removed.join(', ')}</span>}
      {added.length === 0 && removed.length === 0 && t('simulations.changes.reordered')}
    </>
  );
}

function shortValue(v: unknown, lang: string, t: Parameters<typeof outputValueLabel>[0]): string {
  if (Array.isArray(v)) return v.length === 0 ? '∅' : v.map((x) => (typeof x === 'object' && x && 'code' in x ? String((x as { code: unknown }).code) : outputValueLabel(t, x, lang))).join(', ');
  if (typeof v === 'number') return new Intl.NumberFormat(lang, { maximumFractionDigits: 2 }).format(v);
  return outputValueLabel(t, v, lang);
}
