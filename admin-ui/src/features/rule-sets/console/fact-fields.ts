import type { RuleSetDocument } from '../api/types';
import { factsUsed } from '../model/condition-tree';
import type { FactInfo } from '../model/fact-catalog';

export interface FactField {
  name: string;
  info: FactInfo;
  /** Declared in the rule set's inputs with required: true. */
  required: boolean;
}

/** The facts a test run needs: the declared inputs first (in their order), then every other fact the rules read. */
export function factFields(doc: RuleSetDocument | null, facts: Map<string, FactInfo>): FactField[] {
  if (!doc) return [];
  const out: FactField[] = [];
  const seen = new Set<string>();
  const add = (name: string, required = false) => {
    if (seen.has(name) || !name) return;
    seen.add(name);
    out.push({ name, info: facts.get(name) ?? { name, type: 'unknown', kind: 'unknown', origin: 'inferred' }, required });
  };
  for (const input of Array.isArray(doc.inputs) ? doc.inputs : []) if (input?.name) add(input.name, Boolean(input.required));
  for (const name of factsUsed(doc)) add(name);
  return out;
}
