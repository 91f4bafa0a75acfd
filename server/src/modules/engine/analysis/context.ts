import type { RuleSetDocument } from '../../rule-sets/rule-set';
import { alternatives, type Alternative } from './constraints';
import { FactIndex, type CatalogFact } from './fact-index';

/** What several checks need, worked out once per document. */
export interface AnalysisContext {
  doc: RuleSetDocument;
  facts: FactIndex;
  /** Per rule: its conditions in disjunctive normal form, or null when too large to analyse. */
  alternatives: (Alternative[] | null)[];
}

export function analysisContext(doc: RuleSetDocument, catalog: Iterable<CatalogFact>): AnalysisContext {
  return {
    doc,
    facts: FactIndex.of(doc, catalog),
    alternatives: doc.rules.map((r, i) => alternatives(doc, r.conditions, `/rules/${i}/conditions`)),
  };
}
