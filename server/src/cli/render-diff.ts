import { OPERATORS } from '../modules/engine';
import type { RuleSetDocument } from '../modules/rule-sets/rule-set';
import { diffDocuments, type FieldChange, type NamedChanges, type RuleSetDiff } from '../modules/rule-sets/rule-set-diff';

/**
 * `rules diff` in the words a credit committee reads: "Industrial debt-to-asset above the warning line
 * (leverage-warning-industrial): debtToAsset greater than 0.7 → 0.75". The comparison itself is the registry's
 * diffDocuments, so the CLI and the admin UI's version diff never disagree about what changed.
 */
export function diffLines(a: RuleSetDocument, b: RuleSetDocument): { diff: RuleSetDiff; lines: string[] } {
  const diff = diffDocuments(b.key, 0, 0, a, b);
  const lines: string[] = [];
  if (a.key !== b.key) lines.push(`Key: ${a.key} → ${b.key}`);
  for (const c of diff.meta) lines.push(`Rule set ${label(c.path)}: ${show(c.before)} → ${show(c.after)}`);

  const desc = (doc: RuleSetDocument, name: string) => {
    const d = doc.rules.find((x) => x.name === name)?.description;
    return typeof d === 'object' ? (d.en ?? d.zh) : d;
  };
  const titled = (head: string, d: string | undefined) => (d ? `${head}: ${d}` : head);
  for (const name of diff.rules.added) lines.push(titled(`Rule ${name} added`, desc(b, name)));
  for (const name of diff.rules.removed) lines.push(titled(`Rule ${name} removed`, desc(a, name)));
  for (const { name, changes } of diff.rules.changed) {
    const rule = b.rules.find((x) => x.name === name);
    const d = desc(b, name);
    lines.push(`Rule ${name}${d ? ` (${d})` : ''}:`);
    for (const c of changes) lines.push(`    ${describeChange(c, rule)}`);
  }
  named(lines, 'Shared condition', diff.conditions, (name, c) => describeChange({ ...c, path: `conditions.${c.path}` }, { conditions: b.conditions?.[name] }));
  named(lines, 'Output', diff.outputs, (_n, c) => `${label(c.path)} ${show(c.before)} → ${show(c.after)}`);
  named(lines, 'Input', diff.inputs, (_n, c) => `${label(c.path)} ${show(c.before)} → ${show(c.after)}`);
  const t = diff.tests;
  if (t.added.length || t.removed.length || t.changed.length)
    lines.push(`Tests: ${t.added.length} added, ${t.removed.length} removed, ${t.changed.length} changed`);
  return { diff, lines };
}

function named(lines: string[], what: string, n: NamedChanges, describe: (name: string, c: FieldChange) => string): void {
  for (const name of n.added) lines.push(`${what} ${name} added`);
  for (const name of n.removed) lines.push(`${what} ${name} removed`);
  for (const { name, changes } of n.changed) for (const c of changes) lines.push(`${what} ${name}: ${describe(name, c)}`);
}

/** One changed field of a rule (or shared condition), read against the newer document. */
function describeChange(c: FieldChange, owner: { conditions?: unknown } | undefined): string {
  const m = /^conditions((?:\.(?:all|any|not)(?:\[\d+\])?)*)(?:\.(fact|operator|value|path|condition))?(?:\[(\d+)\])?$/.exec(c.path);
  if (m && owner?.conditions) {
    const node = walk(owner.conditions, m[1]) as Record<string, unknown> | undefined;
    if (m[2] && node && typeof node.fact === 'string') {
      const what = `${node.fact} ${opLabel(String(node.operator))}`;
      if (m[2] === 'value' && m[3] !== undefined) {
        if (c.before === undefined) return `${what}: ${show(c.after)} added`;
        if (c.after === undefined) return `${what}: ${show(c.before)} removed`;
        return `${what} (item ${Number(m[3]) + 1}): ${show(c.before)} → ${show(c.after)}`;
      }
      if (m[2] === 'value') return `${what}: ${show(c.before)} → ${show(c.after)}`;
      if (m[2] === 'operator') return `${node.fact}: ${opLabel(String(c.before))} → ${opLabel(String(c.after))}`;
      return `condition ${m[2]}: ${show(c.before)} → ${show(c.after)}`;
    }
    if (m[2] === 'condition') return `shared condition reference: ${show(c.before)} → ${show(c.after)}`;
    if (!m[2]) {
      if (c.before === undefined) return `condition added: ${conditionText(c.after)}`;
      if (c.after === undefined) return `condition removed: ${conditionText(c.before)}`;
      return `condition ${conditionText(c.before)} → ${conditionText(c.after)}`;
    }
  }
  const p = /^event\.params\.([A-Za-z_]\w*)(.*)$/.exec(c.path);
  if (p) return `${p[1]}${p[2] ? ` ${p[2].replace(/^\./, '')}` : ''}: ${show(c.before)} → ${show(c.after)}`;
  return `${label(c.path)}: ${show(c.before)} → ${show(c.after)}`;
}

function walk(root: unknown, path: string): unknown {
  let cur = root;
  for (const part of path.match(/\.(all|any|not)|\[\d+\]/g) ?? []) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = part.startsWith('[') ? (cur as unknown[])[Number(part.slice(1, -1))] : (cur as Record<string, unknown>)[part.slice(1)];
  }
  return cur;
}

const OP_LABEL = new Map(OPERATORS.map((o) => [o.name, o.label.en]));
function opLabel(op: string): string {
  return op.split(':').map((p) => OP_LABEL.get(p) ?? p).join(' ');
}

/** A condition tree as one readable line: "all of (debtToAsset greater than 0.7, industrySection is one of B, C, D)". */
export function conditionText(c: unknown): string {
  if (!c || typeof c !== 'object') return show(c);
  const x = c as Partial<Record<'all' | 'any', unknown[]>> & { not?: unknown; condition?: string; fact?: unknown; operator?: unknown; value?: unknown };
  if (Array.isArray(x.all)) return `all of (${x.all.map(conditionText).join(', ')})`;
  if (Array.isArray(x.any)) return `any of (${x.any.map(conditionText).join(', ')})`;
  if ('not' in x) return `not (${conditionText(x.not)})`;
  if (typeof x.condition === 'string') return `[${x.condition}]`;
  if (typeof x.fact === 'string') return `${x.fact} ${opLabel(String(x.operator))} ${show(x.value)}`;
  return show(c);
}

function label(path: string): string {
  return path.replace(/\.(zh|en)$/, ' ($1)').replace(/\./g, ' ');
}

function show(v: unknown): string {
  if (v === undefined) return '(none)';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Math.abs(v) >= 100_000 ? v.toLocaleString('en-US') : String(v);
  if (Array.isArray(v) && v.every((x) => typeof x !== 'object' || x === null)) return v.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).join(', ');
  if (v && typeof v === 'object' && 'fact' in v) return `the fact ${(v as { fact: string }).fact}`;
  return JSON.stringify(v);
}
