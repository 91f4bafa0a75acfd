/**
 * The rule engine's public surface. Other modules use only what is exported here.
 * See docs/decisions/002-own-rule-compiler.md and 003-json-rules-engine-semantics.md for why and how.
 */
export { compileRuleSet } from './compile';
export { EngineCache } from './engine-cache';
export { RuleSetCompileError } from './compile-error';
export { OPERATORS, DECORATORS, type OperatorInfo, type DecoratorInfo, type FactType, type ValueShape } from './operator-catalog';
export { runTestCases, type TestCaseResult, type TestDifference, type TestRunSummary, type RunTestOptions } from './test-runner';
export type {
  CompiledRuleSet,
  CompileOptions,
  EvaluateOptions,
  EvaluationResult,
  EvaluationWarning,
  FiredRule,
  RuleTrace,
  TraceNode,
  TraceGroup,
  TraceNot,
  TraceRef,
  TraceLeaf,
} from './types';
