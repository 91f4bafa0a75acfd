import type { TFunction } from 'i18next';
import type { FactPresenter } from '../../../components/explanation/trace-types';
import { pick, type FactInfo } from './fact-catalog';
import { formatValue } from './units';

/**
 * The explanation tree's fact presenter for rule-set authors: labels from the rule set's fact index (catalog plus
 * declared inputs) and values the way the console's form shows them — ratios as percentages, enumerations by
 * label — so a run's explanation reads in the same units the author typed the facts in.
 */
export function ruleSetPresenter(facts: Map<string, FactInfo>, t: TFunction, language: string): FactPresenter {
  return {
    label: (fact) => pick(facts.get(fact)?.description, language) || undefined,
    format: (fact, value) => formatValue(value, facts.get(fact), t, language, facts),
  };
}
