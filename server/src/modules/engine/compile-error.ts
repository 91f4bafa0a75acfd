import { AppError, type FieldError } from '../../shared/errors';

/**
 * A document the compiler cannot turn into an evaluator: unknown operator, reference to a missing shared
 * condition, a reference cycle, nesting too deep… Each problem names its JSON pointer in the document.
 * A 422 because it is the submitted content that is wrong.
 */
export class RuleSetCompileError extends AppError {
  constructor(errors: FieldError[]) {
    const first = errors[0]?.message ?? 'unknown problem';
    super(
      422,
      'rule_set_not_compilable',
      `The rule set cannot be compiled: ${first}${errors.length > 1 ? ` (and ${errors.length - 1} more)` : ''}.`,
      {},
      errors,
    );
  }
}
