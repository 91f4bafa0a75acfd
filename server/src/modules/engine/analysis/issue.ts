/**
 * What every static check reports: a JSON pointer into the rule-set document, a stable code, a sentence a
 * risk analyst can act on, and whether it blocks publishing ('error') or is only shown ('warning').
 * Structurally a FieldError, so the publishing gate can put findings straight into a problem's errors[].
 */
export type Severity = 'error' | 'warning';

export interface Issue {
  pointer: string;
  code: IssueCode;
  message: string;
  severity: Severity;
  /** Pointers of the other conditions or rules the finding is about (the contradicting condition, the winning rule). */
  related?: string[];
  [extra: string]: unknown;
}

/**
 * Errors block submit and activate; warnings are shown. Every code any check emits is listed here, so the UI
 * and the API documentation have one place to look.
 */
export const ISSUE_CODES = {
  unknown_fact: 'error',
  unknown_operator: 'error',
  type_mismatch: 'error',
  invalid_value: 'error',
  unreachable_rule: 'error',
  value_not_in_enum: 'warning',
  input_type_conflict: 'warning',
  shadowed_rule: 'warning',
  unused_condition: 'warning',
  undeclared_output: 'warning',
  unused_output: 'warning',
  invalid_output_value: 'warning',
  analysis_incomplete: 'warning',
} as const satisfies Record<string, Severity>;

export type IssueCode = keyof typeof ISSUE_CODES;

export function issue(code: IssueCode, pointer: string, message: string, extra: Record<string, unknown> = {}): Issue {
  return { pointer, code, message, severity: ISSUE_CODES[code], ...extra };
}

export interface AnalysisResult {
  errors: Issue[];
  warnings: Issue[];
}
