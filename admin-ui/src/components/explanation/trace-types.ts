/**
 * The evaluation trace as the server sends it (server/src/modules/engine/types.ts: RuleTrace, TraceNode). Mirrored
 * here because the admin UI does not import server code; keep the two in step.
 */
export interface RuleTrace {
  name: string;
  priority: number;
  fired: boolean;
  conditions: TraceNode;
}

export type TraceNode = TraceGroup | TraceNot | TraceRef | TraceLeaf;

export interface TraceGroup {
  type: 'all' | 'any';
  result: boolean;
  conditions: TraceNode[];
}

export interface TraceNot {
  type: 'not';
  result: boolean;
  condition: TraceNode;
}

/** A shared condition referenced by name, expanded in place. */
export interface TraceRef {
  type: 'condition';
  name: string;
  result: boolean;
  condition: TraceNode;
}

export interface TraceLeaf {
  type: 'fact';
  fact: string;
  path?: string;
  operator: string;
  /** The fact's value with `path` applied; absent when undefined. */
  factValue?: unknown;
  factMissing?: true;
  /** What the fact was compared with, after resolving a `{fact, path}` reference. */
  value: unknown;
  valueRef?: { fact: string; path?: string };
  result: boolean;
}

/**
 * How the tree names facts and shows their values. Pages that have the fact catalog pass one that gives labels in
 * the current language and units; without it the tree shows fact names and plain values.
 */
export interface FactPresenter {
  label(fact: string): string | undefined;
  format(fact: string, value: unknown): string;
}
