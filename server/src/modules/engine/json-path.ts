/**
 * The JSONPath subset our schema allows ($, .name, [index], [*]) with the results json-rules-engine 7 gets from
 * jsonpath-plus 10 (`JSONPath({path, json, wrap: false})`, called by the almanac only when the fact is a
 * non-null object; any other fact value is returned unchanged, path ignored). What that means:
 *   - a step follows an own property only (`Object.hasOwn`) of a truthy value: "abc" has "0" and "length",
 *     an array has "length", 0/""/false/null have nothing; [01] is the property "01", not index 1;
 *   - no match → undefined; exactly one match on a path without [*] → that value;
 *   - a path through [*] → an array of every match (even one), or undefined when nothing matched
 *     ($.a[*] of an empty array is undefined, not []); [*] walks array indexes (holes give undefined) or an
 *     object's Object.keys;
 *   - jsonpath-plus alternates a "literal priority" flag between steps: a [*] step reached with the flag set on
 *     an object that has an own "*" key follows that key instead of walking. We reproduce even that.
 */
export type PathStep = { kind: 'key'; key: string } | { kind: 'wildcard' };

export interface CompiledPath {
  readonly source: string;
  readonly steps: readonly PathStep[];
  readonly hasWildcard: boolean;
  /** Resolves against a fact value as the almanac does (non-objects are returned as they are). */
  readonly resolve: (factValue: unknown) => unknown;
}

const PATH = /^\$(\.[A-Za-z_][A-Za-z0-9_]*|\[(\d+|\*)\])*$/;
const STEP = /\.([A-Za-z_][A-Za-z0-9_]*)|\[(\d+|\*)\]/g;

export const MAX_PATH_LENGTH = 200;

/** Returns null when the path is outside the supported subset. */
export function compilePath(source: string): CompiledPath | null {
  if (source.length > MAX_PATH_LENGTH || !PATH.test(source)) return null;
  const steps: PathStep[] = [];
  for (const m of source.slice(1).matchAll(STEP)) {
    const key = m[1] ?? m[2];
    steps.push(key === '*' ? { kind: 'wildcard' } : { kind: 'key', key });
  }
  const hasWildcard = steps.some((s) => s.kind === 'wildcard');
  const keys = steps.map((s) => (s.kind === 'key' ? s.key : ''));
  const resolve = hasWildcard ? (v: unknown) => resolveWithWildcards(v, steps) : (v: unknown) => resolveKeys(v, keys);
  return { source, steps, hasWildcard, resolve };
}

function resolveKeys(root: unknown, keys: readonly string[]): unknown {
  if (root === null || typeof root !== 'object') return root;
  let v: unknown = root;
  for (let i = 0; i < keys.length; i++) {
    if (!v || !Object.hasOwn(v as object, keys[i])) return undefined;
    v = (v as Record<string, unknown>)[keys[i]];
  }
  return v;
}

interface Match {
  value: unknown;
  viaWildcard: boolean;
}

function resolveWithWildcards(root: unknown, steps: readonly PathStep[]): unknown {
  if (root === null || typeof root !== 'object') return root;
  const matches: Match[] = [];
  trace(root, 0, false, false, steps, matches);
  if (matches.length === 0) return undefined;
  if (matches.length === 1 && !matches[0].viaWildcard) return matches[0].value;
  return matches.map((m) => m.value);
}

/** A transcription of JSONPath.prototype._trace for the step kinds we allow; recursion depth is bounded by the path. */
function trace(val: unknown, i: number, literal: boolean, viaWildcard: boolean, steps: readonly PathStep[], out: Match[]): void {
  if (i === steps.length) {
    out.push({ value: val, viaWildcard });
    return;
  }
  const step = steps[i];
  const loc = step.kind === 'key' ? step.key : '*';
  if (literal && val && Object.hasOwn(val as object, loc)) {
    trace((val as Record<string, unknown>)[loc], i + 1, false, viaWildcard, steps, out);
  } else if (step.kind === 'wildcard') {
    if (Array.isArray(val)) {
      for (let k = 0; k < val.length; k++) trace(val[k], i + 1, true, true, steps, out);
    } else if (val && typeof val === 'object') {
      for (const k of Object.keys(val)) trace((val as Record<string, unknown>)[k], i + 1, true, true, steps, out);
    }
  } else if (!literal && val && Object.hasOwn(val as object, loc)) {
    trace((val as Record<string, unknown>)[loc], i + 1, true, viaWildcard, steps, out);
  }
}
