import type { FieldChange, LeafCondition, NamedChanges, OutputSpec, RuleSetDiff, RuleSetDocument } from '../api/types';
import { escapePointer, nodeKind, valueAt } from './condition-tree';
import { describeLeaf, operatorLabel, type DescribeContext } from './describe';
import { factLabel, pick, toLabel } from './fact-catalog';
import { formatValue } from './units';

export interface DiffLine {
  kind: 'added' | 'removed' | 'changed';
  area: 'meta' | 'rules' | 'conditions' | 'outputs' | 'inputs' | 'tests';
  text: string;
  /** Where to look in the newer document (for "show in editor"). */
  pointer?: string;
}

/** `conditions.all[0].value[1]` → `/conditions/all/0/value/1`. */
export function pathToPointer(path: string): string {
  if (path === '(whole)') return '';
  return path
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter(Boolean)
    .map(escapePointer)
    .map((p) => `/${p}`)
    .join('');
}

const LEAF_FIELDS = ['value', 'operator', 'fact', 'path', 'params'];

/** The leaf a change inside a condition tree belongs to, and which of its fields changed. */
function leafOf(pointer: string, before: unknown, after: unknown) {
  const parts = pointer.split('/');
  for (let n = parts.length; n > 1; n--) {
    const at = parts.slice(0, n).join('/');
    const field = parts[n];
    const older = valueAt(before, at);
    const newer = valueAt(after, at);
    if (nodeKind(newer) === 'leaf' || nodeKind(older) === 'leaf')
      return { at, field: LEAF_FIELDS.includes(field) ? field : undefined, older: older as LeafCondition | undefined, newer: newer as LeafCondition | undefined };
  }
  return null;
}

/** One changed field of a rule or shared condition; `older`/`newer` are that item in each version. */
function describeChange(ctx: DescribeContext, label: string, change: FieldChange, older: unknown, newer: unknown, outputs: Record<string, OutputSpec>): string {
  const { t, language, facts } = ctx;
  const raw = pathToPointer(change.path);
  // Shared conditions are passed as {conditions: …}, so both kinds of item address a leaf the same way.
  const pointer = /^\/(all|any|not)(\/|$)/.test(raw) ? `/conditions${raw}` : raw;
  const fmt = (v: unknown, factName?: string) => formatValue(v, factName ? facts.get(factName) : undefined, t, language, facts);
  if (pointer.startsWith('/conditions')) {
    const leaf = leafOf(pointer, older, newer);
    if (leaf && leaf.older && leaf.newer && leaf.field) {
      const fact = leaf.newer.fact;
      const subject = factLabel(facts.get(fact), fact, language);
      if (leaf.field === 'value')
        return t('ruleSets.diff.valueChanged', {
          label,
          condition: `${subject} ${operatorLabel(t, leaf.newer.operator)}`,
          before: fmt(leaf.older.value, fact),
          after: fmt(leaf.newer.value, fact),
        });
      if (leaf.field === 'operator')
        return t('ruleSets.diff.operatorChanged', { label, fact: subject, before: operatorLabel(t, leaf.older.operator), after: operatorLabel(t, leaf.newer.operator) });
      if (leaf.field === 'fact')
        return t('ruleSets.diff.factChanged', { label, before: factLabel(facts.get(leaf.older.fact), leaf.older.fact, language), after: subject });
    }
    if (leaf && !leaf.older && leaf.newer) return t('ruleSets.diff.conditionAdded', { label, condition: describeLeaf(leaf.newer, ctx) });
    if (leaf && leaf.older && !leaf.newer) return t('ruleSets.diff.conditionRemoved', { label, condition: describeLeaf(leaf.older, ctx) });
    return t('ruleSets.diff.conditionsChanged', { label });
  }
  if (pointer === '/priority') return t('ruleSets.diff.priorityChanged', { label, before: fmt(change.before), after: fmt(change.after) });
  const param = /^\/event\/params\/([^/]+)/.exec(pointer);
  if (param) {
    const name = param[1];
    const spec = outputs[name];
    const shown = (v: unknown) =>
      typeof v === 'string' && spec?.order ? t(`ruleSets.outputValues.${v}`, { defaultValue: v }) : formatValue(v, spec?.unit ? { unit: spec.unit, name, type: 'number', kind: 'number', origin: 'catalog' } : undefined, t, language);
    const outputLabel = pick(toLabel(spec?.description), language) || name;
    if (name === 'reasons' || /\/\d+\//.test(pointer.slice(param[0].length) + '/')) return t('ruleSets.diff.outputListChanged', { label, output: outputLabel });
    return t('ruleSets.diff.outputChanged', { label, output: outputLabel, before: shown(change.before), after: shown(change.after) });
  }
  if (pointer.startsWith('/description')) return t('ruleSets.diff.descriptionChanged', { label });
  if (pointer === '/event/type') return t('ruleSets.diff.eventTypeChanged', { label, before: fmt(change.before), after: fmt(change.after) });
  return t('ruleSets.diff.fieldChanged', { label, field: change.path, before: JSON.stringify(change.before) ?? '—', after: JSON.stringify(change.after) ?? '—' });
}

/**
 * The difference between two versions in the words of the policy: "Leverage above the warning line: Debt-to-asset
 * ratio greater than 70 % → 75 %", "Rule X added". Each changed field of a rule gives one line.
 */
export function describeDiff(diff: RuleSetDiff, from: RuleSetDocument, to: RuleSetDocument, ctx: DescribeContext): DiffLine[] {
  const { t, language } = ctx;
  const lines: DiffLine[] = [];
  const outputs = { ...(from.outputs ?? {}), ...(to.outputs ?? {}) };
  const ruleIndex = (doc: RuleSetDocument, name: string) => (doc.rules ?? []).findIndex((r) => r.name === name);
  const ruleLabel = (name: string) => {
    const rule = to.rules?.[ruleIndex(to, name)] ?? from.rules?.[ruleIndex(from, name)];
    const description = pick(toLabel(rule?.description), language);
    return description ? `${description} (${name})` : name;
  };

  for (const change of diff.meta) lines.push({ kind: 'changed', area: 'meta', text: t('ruleSets.diff.metaChanged', { field: change.path }) });

  const named = (
    area: DiffLine['area'],
    changes: NamedChanges,
    label: (name: string) => string,
    pointerOf: (doc: RuleSetDocument, name: string) => string | undefined,
    itemOf: (doc: RuleSetDocument, name: string) => unknown = () => undefined,
  ) => {
    for (const name of changes.added) lines.push({ kind: 'added', area, text: t(`ruleSets.diff.${area}Added`, { name: label(name) }), pointer: pointerOf(to, name) });
    for (const name of changes.removed) lines.push({ kind: 'removed', area, text: t(`ruleSets.diff.${area}Removed`, { name: label(name) }) });
    for (const { name, changes: fields } of changes.changed)
      for (const change of fields)
        lines.push({
          kind: 'changed',
          area,
          text:
            area === 'rules' || area === 'conditions'
              ? describeChange(ctx, label(name), change, itemOf(from, name), itemOf(to, name), outputs)
              : t('ruleSets.diff.fieldChanged', { label: label(name), field: change.path, before: JSON.stringify(change.before) ?? '—', after: JSON.stringify(change.after) ?? '—' }),
          pointer: pointerOf(to, name),
        });
  };

  // Rules are matched by name: one may sit at a different index in each version.
  const rulePtr = (doc: RuleSetDocument, name: string) => {
    const i = ruleIndex(doc, name);
    return i < 0 ? undefined : `/rules/${i}`;
  };
  named('rules', diff.rules, ruleLabel, rulePtr, (doc, name) => doc.rules?.[ruleIndex(doc, name)]);
  // Paths inside a shared condition start at the condition itself (all/any/not), as in a rule's `conditions`.
  named('conditions', diff.conditions, (n) => n, (_d, n) => `/conditions/${escapePointer(n)}`, (doc, n) => ({ conditions: doc.conditions?.[n] }));
  named('outputs', diff.outputs, (n) => n, (_d, n) => `/outputs/${escapePointer(n)}`);
  named('inputs', diff.inputs, (n) => n, () => undefined);
  named('tests', diff.tests, (n) => n, (doc, n) => {
    const i = (doc.tests ?? []).findIndex((x) => x.name === n);
    return i < 0 ? undefined : `/tests/${i}`;
  });
  return lines;
}
