import type { RuleSetDocument } from '../../rule-sets/rule-set';
import { alternatives, size, type Alternative } from './constraints';
import { FactIndex, type CatalogFact } from './fact-index';

/** What several checks need, worked out once per document. */
export interface AnalysisContext {
  doc: RuleSetDocument;
  facts: FactIndex;
  /** Per rule: its conditions in disjunctive normal form, or null when too large to analyse. */
  alternatives: (Alternative[] | null)[];
}

/**
 * Leaves kept in memory for one document's expanded rules. A rule past the budget is not analysed for
 * contradictions or shadowing (and the analysis says so) rather than letting one upload take the server's memory.
 */
export const MAX_DOCUMENT_LITERALS = 200_000;

export function analysisContext(doc: RuleSetDocument, catalog: Iterable<CatalogFact>): AnalysisContext {
  let left = MAX_DOCUMENT_LITERALS;
  return {
    doc,
    facts: FactIndex.of(doc, catalog),
    alternatives: doc.rules.map((r, i) => {
      if (left <= 0) return null;
      const alts = alternatives(doc, r.conditions, `/rules/${i}/conditions`);
      if (alts) left -= size(alts);
      return left < 0 ? null : alts;
    }),
  };
}
