import type { FieldError } from '../../shared/errors';
import type { SchemaValidator } from '../../shared/validation';
import { documentProblems } from './document-checks';
import type { RuleSetDocument } from './rule-set';

export interface PublishReport {
  /** Problems that block submit and activate (static-analysis errors, failing test cases). */
  errors: FieldError[];
  warnings: FieldError[];
  tests?: { total: number; passed: number; failed: { name: string; differences: unknown[] }[] };
}

/**
 * What the registry asks before storing or publishing a document. The engine module supplies a fuller
 * implementation (static analysis, compiling, running the test cases); this base one checks form only.
 */
export interface RuleSetChecker {
  /** Problems that stop a document from being saved at all: schema and structure. */
  saveProblems(doc: unknown): FieldError[];
  /** Problems that stop a saved document from being submitted or activated. */
  publishReport(doc: RuleSetDocument): Promise<PublishReport>;
}

export class SchemaRuleSetChecker implements RuleSetChecker {
  constructor(private readonly validator: SchemaValidator) {}

  saveProblems(doc: unknown): FieldError[] {
    const schema = this.validator.check('rule-set', doc);
    if (schema.length) return schema;
    return documentProblems(doc as RuleSetDocument);
  }

  async publishReport(): Promise<PublishReport> {
    return { errors: [], warnings: [] };
  }
}
