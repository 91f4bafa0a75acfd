/**
 * How a fact is read from the facts object. json-rules-engine copies the object with `for…in` into a Map, so a
 * fact is whatever the object has under that name, and a name the object lacks is undefined — including the
 * names Object.prototype answers for (`constructor`, `toString`, `__proto__`…): those we read only when they
 * are the object's own enumerable properties. Every other name is a plain property read, the fast path.
 */
const pie = Object.prototype.propertyIsEnumerable;

export function isPrototypeName(name: string): boolean {
  return name in Object.prototype;
}

export type FactReader = (facts: Record<string, unknown>) => unknown;

export function factReader(name: string): FactReader {
  if (isPrototypeName(name)) return (facts) => (pie.call(facts, name) ? facts[name] : undefined);
  return (facts) => facts[name];
}

/** For traces: a fact the object does not have at all (as opposed to one present with the value undefined). */
export function isFactMissing(facts: Record<string, unknown>, name: string): boolean {
  return isPrototypeName(name) ? !pie.call(facts, name) : !(name in facts);
}

export const propertyIsEnumerable = pie;
