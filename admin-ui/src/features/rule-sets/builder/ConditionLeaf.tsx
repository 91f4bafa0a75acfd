import { useTranslation } from 'react-i18next';
import { Box, Stack, Typography } from '@mui/material';
import type { LeafCondition } from '../api/types';
import { pick } from '../model/fact-catalog';
import { defaultValue, operatorsFor, splitOperator, valueFits, valueShape, type FactKind } from '../model/operators';
import { unitSuffix } from '../model/units';
import { useBuilder } from './builder-context';
import { FactPicker } from './FactPicker';
import { IssueText } from './IssueText';
import { OperatorSelect } from './OperatorSelect';
import { ValueInput } from './ValueInput';

export const domId = (pointer: string) => 'cond' + pointer.replace(/[^A-Za-z0-9_-]/g, '_');

/** Keeps what still fits when the operator changes: one value becomes a one-item list and back. */
function carryValue(value: unknown, operator: string, kind: FactKind): unknown {
  const shape = valueShape(operator);
  if (valueFits(shape, value)) return value;
  if (shape === 'list' && value !== undefined && value !== '' && !Array.isArray(value)) return [value];
  if (Array.isArray(value) && shape !== 'list' && value.length && valueFits(shape, value[0])) return value[0];
  return defaultValue(shape, kind);
}

/** One comparison: fact, operator, value; with the fact's description and its problems underneath. */
export function ConditionLeaf({ leaf, pointer, onChange }: { leaf: LeafCondition; pointer: string; onChange(next: LeafCondition): void }) {
  const { t, i18n } = useTranslation();
  const { facts, issues } = useBuilder();
  const info = facts.get(leaf.fact);
  const kind = info?.kind ?? 'unknown';
  const here = issues.at(pointer, 'leaf');
  const field = (name: string) => here.some((i) => i.pointer === pointer || i.pointer.startsWith(`${pointer}/${name}`));
  const issuesId = `${domId(pointer)}-issues`;

  const changeFact = (name: string) => {
    const nextKind = facts.get(name)?.kind ?? 'unknown';
    const { decorators, base } = splitOperator(leaf.operator);
    const ops = operatorsFor(nextKind);
    const operator = ops.includes(base) ? leaf.operator : decorators + ops[0];
    const value = nextKind !== kind && kind !== 'unknown' ? defaultValue(valueShape(operator), nextKind) : carryValue(leaf.value, operator, nextKind);
    onChange({ ...leaf, fact: name, operator, value });
  };
  const changeOperator = (operator: string) => onChange({ ...leaf, operator, value: carryValue(leaf.value, operator, kind) });

  const description = pick(info?.description, i18n.language);
  return (
    <Box data-pointer={pointer} role="group" aria-label={t('ruleSets.builder.conditionLabel', { fact: description || leaf.fact || '…' })}>
      <Stack direction="row" sx={{ gap: 1, flexWrap: 'wrap', alignItems: 'flex-start' }}>
        <FactPicker value={leaf.fact} onChange={changeFact} label={t('ruleSets.builder.fact')} error={field('fact')} describedBy={issuesId} />
        <OperatorSelect value={leaf.operator} kind={kind} onChange={changeOperator} label={t('ruleSets.builder.operator')} error={field('operator')} />
        <ValueInput
          value={leaf.value}
          shape={valueShape(leaf.operator)}
          fact={info}
          kind={kind}
          onChange={(value) => onChange({ ...leaf, value })}
          label={t('ruleSets.builder.value')}
          error={field('value')}
          describedBy={issuesId}
        />
      </Stack>
      {(description || info) && (
        <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 0.5 }}>
          {[
            leaf.fact,
            info && t(`ruleSets.types.${info.kind}`),
            unitSuffix(t, info?.unit),
            leaf.path,
          ]
            .filter(Boolean)
            .join(' · ')}
        </Typography>
      )}
      <IssueText issues={here} id={issuesId} />
    </Box>
  );
}
