import type { CompiledRuleSet, EngineCache } from '../engine';
import type { RuleSetVersion, Status } from '../rule-sets/rule-set';
import type { RuleSetRef } from './decision';
import { compileFactValidator, type FactValidator } from './fact-validator';

/** One rule-set version ready to decide with: its evaluator and its facts validator, both compiled once. */
export interface CompiledVersion {
  readonly ref: RuleSetRef;
  readonly status: Status;
  readonly evaluator: CompiledRuleSet;
  readonly validate: FactValidator;
}

/**
 * Compiles versions through the engine's cache (keyed by content hash, so a version compiled for the registry is
 * reused by pinned requests and replays) and keeps one facts validator per compiled evaluator.
 */
export class VersionCompiler {
  private readonly validators = new WeakMap<CompiledRuleSet, FactValidator>();

  constructor(private readonly cache: EngineCache) {}

  compile(v: RuleSetVersion): CompiledVersion {
    const evaluator = this.cache.get(v.contentHash, v.document);
    let validate = this.validators.get(evaluator);
    if (!validate) {
      validate = compileFactValidator(v.document);
      this.validators.set(evaluator, validate);
    }
    return Object.freeze({ ref: Object.freeze({ key: v.key, version: v.version, contentHash: v.contentHash }), status: v.status, evaluator, validate });
  }
}
