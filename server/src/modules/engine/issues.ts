import type { EvaluationWarning } from './types';

/**
 * Where operators report a type error they absorbed (json-rules-engine would have thrown and failed the whole run).
 *
 * Why a module-level sink (an object, so the hot path reads a property rather than calling a function) rather than a context argument: operators are called millions of times per second from
 * generated code, and threading a context through every call costs more than it is worth for an event that
 * almost never happens. Evaluation is synchronous and never re-entrant, so one sink per module instance (one per
 * worker thread) is safe: `evaluate` empties it before it starts and takes what is there when it ends.
 */
export const ISSUE_SINK: { list: EvaluationWarning[] | null } = { list: null };

export function reportOperatorTypeError(operator: string, message: string): void {
  const warning: EvaluationWarning = { code: 'operator-type-error', message: `${operator}: ${message}` };
  const list = ISSUE_SINK.list;
  if (list === null) ISSUE_SINK.list = [warning];
  else if (list.length < MAX_ISSUES) list.push(warning);
}

/** One bad input could otherwise report once per array element; a decision needs to know it happened, not how often. */
const MAX_ISSUES = 20;

export function resetIssues(): void {
  ISSUE_SINK.list = null;
}

export function takeIssues(): EvaluationWarning[] | null {
  const taken = ISSUE_SINK.list;
  ISSUE_SINK.list = null;
  return taken;
}
