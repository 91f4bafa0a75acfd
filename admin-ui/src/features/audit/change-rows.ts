export interface ChangeRow {
  field: string;
  before: unknown;
  after: unknown;
  changed: boolean;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Before → after, field by field, when both sides are objects (or one is missing): the fields in the order they
 * first appear, each marked changed or not. Anything else is one row for the whole value.
 */
export function changeRows(before: unknown, after: unknown): ChangeRow[] {
  if ((isRecord(before) || before === undefined) && (isRecord(after) || after === undefined) && (before || after)) {
    const b = (before ?? {}) as Record<string, unknown>;
    const a = (after ?? {}) as Record<string, unknown>;
    const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])];
    return fields.map((field) => ({ field, before: b[field], after: a[field], changed: JSON.stringify(b[field]) !== JSON.stringify(a[field]) }));
  }
  return [{ field: '', before, after, changed: JSON.stringify(before) !== JSON.stringify(after) }];
}
