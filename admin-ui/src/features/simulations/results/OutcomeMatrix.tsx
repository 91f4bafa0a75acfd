import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Stack, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { HeatMap, type HeatTone } from '../../../components/charts/HeatMap';
import { formatAmount, formatCount } from '../../../components/charts/format';
import type { OutputResult } from '../api/types';
import { outputValueLabel, valueKey } from '../model/values';

type Categorical = Extract<OutputResult, { kind: 'categorical' }>;

/**
 * The outcome matrix of one categorical output: baseline values as rows, candidate values as columns, each cell the
 * records (and their exposure) that moved from one to the other. With a declared order (decline > refer > approve)
 * a move towards the first value is "worse".
 */
export function OutcomeMatrix({ result }: { result: Categorical }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [shadeBy, setShadeBy] = useState<'count' | 'exposure'>('count');
  const axis = result.values.map((v) => ({ key: valueKey(v), label: outputValueLabel(t, v, lang) }));
  if (result.cells.some((c) => c.baseline === '(other)')) axis.push({ key: valueKey('(other)'), label: t('simulations.values.other') });
  const cells = new Map(result.cells.map((c) => [`${valueKey(c.baseline)}|${valueKey(c.candidate)}`, c]));
  const rank = new Map(axis.map((a, i) => [a.key, i]));
  const ordered = result.worse !== undefined;
  const tone = (row: string, col: string): HeatTone => {
    if (row === col) return 'same';
    if (!ordered || row === valueKey('(other)') || col === valueKey('(other)')) return 'moved';
    return (rank.get(col) ?? 0) < (rank.get(row) ?? 0) ? 'worse' : 'better';
  };
  return (
    <>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap', mb: 1 }} useFlexGap>
        <Typography variant="body2" color="text.secondary">
          {ordered
            ? t('simulations.matrix.ordered', { worse: formatCount(result.worse!.count, lang), better: formatCount(result.better!.count, lang) })
            : t('simulations.matrix.changed', { count: result.changed.count })}
        </Typography>
        <ToggleButtonGroup size="small" exclusive value={shadeBy} onChange={(_e, v) => v && setShadeBy(v)} aria-label={t('simulations.matrix.shadeBy')}>
          <ToggleButton value="count">{t('simulations.matrix.byCount')}</ToggleButton>
          <ToggleButton value="exposure">{t('simulations.matrix.byExposure')}</ToggleButton>
        </ToggleButtonGroup>
      </Stack>
      <HeatMap
        caption={t('simulations.matrix.caption', { output: result.output })}
        rowAxis={t('simulations.matrix.baseline')}
        colAxis={t('simulations.matrix.candidate')}
        rows={axis}
        cols={axis}
        cell={(r, c) => cells.get(`${r}|${c}`)}
        tone={tone}
        toneLabels={{ same: t('simulations.matrix.tone.same'), worse: t('simulations.matrix.tone.worse'), better: t('simulations.matrix.tone.better'), moved: t('simulations.matrix.tone.moved') }}
        totalLabel={t('simulations.matrix.total')}
        shadeBy={shadeBy}
        formatCount={(n) => formatCount(n, lang)}
        formatExposure={(n) => formatAmount(n, lang)}
      />
      <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 1 }}>
        {t('simulations.matrix.legend')}
      </Typography>
    </>
  );
}
