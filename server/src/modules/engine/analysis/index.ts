/** Static analysis of rule-set documents (DESIGN §3 "Static checks"). */
export { analyzeRuleSet } from './analyze-rule-set';
export { ISSUE_CODES, type AnalysisResult, type Issue, type IssueCode, type Severity } from './issue';
export type { CatalogFact, FactKind } from './fact-index';
