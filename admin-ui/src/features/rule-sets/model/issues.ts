import type { TFunction } from 'i18next';
import type { PointerProblem } from '../api/types';
import { valueAt } from './condition-tree';

/**
 * A problem at a place in the document. Browser-side checks carry an i18n key (so a language switch re-renders
 * them); the server's come as its own sentence. `basis` is the JSON of the value at `pointer` when the problem
 * was reported: once the author changes that value the problem is hidden, since it may no longer hold.
 */
export interface Issue {
  pointer: string;
  severity: 'error' | 'warning';
  source: 'schema' | 'server' | 'analysis' | 'tests';
  key?: string;
  values?: Record<string, unknown>;
  text?: string;
  basis?: string;
}

export function issueText(t: TFunction, issue: Issue): string {
  return issue.key ? t(issue.key, issue.values ?? {}) : (issue.text ?? '');
}

const snapshot = (doc: unknown, pointer: string) => JSON.stringify(valueAt(doc, pointer)) ?? 'undefined';

/** Server problems pinned to the document they were reported for. */
export function fromServer(problems: PointerProblem[], doc: unknown, source: Issue['source'], severity: Issue['severity'] = 'error'): Issue[] {
  return problems.map((p) => ({ pointer: p.pointer, severity, source, text: p.message, basis: snapshot(doc, p.pointer) }));
}

/** Drops pinned problems whose value has since changed. */
export function stillCurrent(issues: Issue[], doc: unknown): Issue[] {
  return issues.filter((i) => i.basis === undefined || i.basis === snapshot(doc, i.pointer));
}

// A leaf's own fields; problems under these belong to the leaf (e.g. /value/1 of a between range).
const LEAF_FIELDS = new Set(['fact', 'operator', 'value', 'path', 'params', 'name', 'priority']);
const GROUP_FIELDS = new Set(['all', 'any', 'not', 'condition', 'name', 'priority']);

/** Finds the problems that belong to one place in the editor. */
export class IssueIndex {
  constructor(readonly all: Issue[]) {}

  /** Exactly at `pointer`, or at one of the named fields directly under it (deeper for leaf values). */
  at(pointer: string, fields?: 'leaf' | 'group' | string[]): Issue[] {
    const allowed = fields === 'leaf' ? LEAF_FIELDS : fields === 'group' ? GROUP_FIELDS : new Set(fields ?? []);
    return this.all.filter((i) => {
      if (i.pointer === pointer) return true;
      if (!i.pointer.startsWith(pointer + '/')) return false;
      const rest = i.pointer.slice(pointer.length + 1).split('/');
      if (fields === 'leaf') return LEAF_FIELDS.has(rest[0]);
      return rest.length === 1 && allowed.has(rest[0]);
    });
  }

  /** Everything under `pointer`, for counts on collapsed rules. */
  within(pointer: string): Issue[] {
    return this.all.filter((i) => i.pointer === pointer || i.pointer.startsWith(pointer + '/'));
  }

  /** Problems under `pointer/field` (and deeper). */
  field(pointer: string, field: string): Issue[] {
    return this.within(`${pointer}/${field}`);
  }
}

export const EMPTY_ISSUES = new IssueIndex([]);
