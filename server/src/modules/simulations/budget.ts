import { AppError } from '../../shared/errors';
import type { BudgetCheck } from './simulation';

const fmt = (n: number) => n.toLocaleString('en-US');

export function tooLargeMessage(records: number, rulesPerRecord: number, budget: number, sofar = false): string {
  return `This simulation ${sofar ? 'has already reached' : 'needs'} ${fmt(records)} records × ${fmt(rulesPerRecord)} rules = ${fmt(records * rulesPerRecord)} rule evaluations, over the budget of ${fmt(budget)} (COVENANT_SIMULATION_BUDGET). Narrow the population or raise the budget.`;
}

/**
 * The guard on a simulation's size: records × rules (both versions' rules are evaluated for every record) against
 * the configured budget. A population of unknown size is checked again as it runs.
 */
export function checkBudget(records: number | null, rulesPerRecord: number, budget: number): BudgetCheck {
  const evaluations = records === null ? null : records * rulesPerRecord;
  if (evaluations !== null && evaluations > budget)
    throw new AppError(422, 'simulation_too_large', tooLargeMessage(records!, rulesPerRecord, budget), { records, rules: rulesPerRecord, evaluations, budget });
  return { records, rulesPerRecord, evaluations, budget };
}
