import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Box, Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { ExplanationTree } from '../../../components/explanation/ExplanationTree';
import type { EvaluationResult, OutputSpec } from '../api/types';
import { pick, toLabel, type FactInfo } from '../model/fact-catalog';
import { reasonText } from '../model/test-differences';
import { ruleSetPresenter } from '../model/trace-presenter';
import { formatValue } from '../model/units';

function outputValue(value: unknown, spec: OutputSpec | undefined, language: string, t: ReturnType<typeof useTranslation>['t']): string {
  if (Array.isArray(value) && value.some((v) => typeof v === 'object' && v !== null)) return value.map((v) => reasonText(v, language)).join('; ') || '—';
  if (Array.isArray(value) && value.length === 0) return '—';
  if (typeof value === 'string' && spec?.order) return t(`ruleSets.outputValues.${value}`, { defaultValue: value });
  return formatValue(value, spec?.unit ? ({ unit: spec.unit } as FactInfo) : undefined, t, language);
}

/**
 * The result of a test-console run: the outputs (beside the active version's when compared), the fired rules with
 * their reasons, any warnings, and the explanation tree.
 */
export function EvaluationResultView({
  result,
  compare,
  compareLabel,
  outputs,
  facts,
}: {
  result: EvaluationResult;
  compare?: EvaluationResult | null;
  compareLabel?: string;
  outputs: Record<string, OutputSpec>;
  facts: Map<string, FactInfo>;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const present = useMemo(() => ruleSetPresenter(facts, t, lang), [facts, t, lang]);
  const names = [...new Set([...Object.keys(outputs ?? {}), ...Object.keys(result.outputs)])];
  return (
    <Stack spacing={2.5}>
      <Box component="section" aria-labelledby="run-outputs">
        <Typography variant="h6" component="h3" id="run-outputs" sx={{ mb: 1 }}>
          {t('ruleSets.console.outputs')}
        </Typography>
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{t('ruleSets.editor.outputName')}</TableCell>
              <TableCell>{t('ruleSets.console.thisVersion')}</TableCell>
              {compare && <TableCell>{compareLabel}</TableCell>}
            </TableRow>
          </TableHead>
          <TableBody>
            {names.map((name) => {
              const spec = outputs?.[name];
              const mine = outputValue(result.outputs[name], spec, lang, t);
              const theirs = compare ? outputValue(compare.outputs[name], spec, lang, t) : '';
              const differs = compare && JSON.stringify(result.outputs[name]) !== JSON.stringify(compare.outputs[name]);
              return (
                <TableRow key={name} data-output={name} sx={differs ? { bgcolor: 'rgba(178, 106, 0, 0.08)' } : undefined}>
                  <TableCell>
                    <Typography variant="body2" sx={{ fontWeight: 600 }}>
                      {pick(toLabel(spec?.description), lang) || name}
                    </Typography>
                    <Typography variant="caption" sx={{ fontFamily: 'monospace' }} color="text.secondary">
                      {name}
                    </Typography>
                  </TableCell>
                  <TableCell>{mine}</TableCell>
                  {compare && (
                    <TableCell>
                      {theirs} {differs && <Chip size="small" color="warning" label={t('ruleSets.console.differs')} />}
                    </TableCell>
                  )}
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </Box>
      {result.warnings?.length ? (
        <Alert severity="warning" role="note">
          {result.warnings.map((w, i) => (
            <div key={i}>{w.message}</div>
          ))}
        </Alert>
      ) : null}
      <Box component="section" aria-labelledby="run-fired">
        <Typography variant="h6" component="h3" id="run-fired" sx={{ mb: 1 }}>
          {t('ruleSets.console.firedRules', { count: result.firedRules.length })}
        </Typography>
        {result.firedRules.length === 0 ? (
          <Typography color="text.secondary">{t('ruleSets.console.noneFired')}</Typography>
        ) : (
          <Stack spacing={0.5}>
            {result.firedRules.map((r) => {
              const reasons = [...(Array.isArray(r.event.params?.reasons) ? r.event.params.reasons : r.event.params?.reasons ? [r.event.params.reasons] : [])];
              return (
                <Typography key={r.name} variant="body2">
                  <Box component="span" sx={{ fontFamily: 'monospace', fontWeight: 600 }}>
                    {r.name}
                  </Box>
                  {reasons.length > 0 && ` — ${reasons.map((x) => reasonText(x, lang)).join('; ')}`}
                </Typography>
              );
            })}
          </Stack>
        )}
      </Box>
      {result.trace && (
        <Box component="section" aria-labelledby="run-trace">
          <Typography variant="h6" component="h3" id="run-trace" sx={{ mb: 1 }}>
            {t('ruleSets.console.explanation')}
          </Typography>
          <ExplanationTree trace={result.trace} present={present} />
        </Box>
      )}
    </Stack>
  );
}
