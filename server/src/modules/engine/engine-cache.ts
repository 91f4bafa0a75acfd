import { compileRuleSet } from './compile';
import type { RuleSetDocument } from '../rule-sets/rule-set';
import type { CompiledRuleSet, CompileOptions } from './types';

/**
 * Compiled evaluators by content hash. Versions are immutable, so a hash names one evaluator forever; the cache
 * only has to bound memory (least recently used goes first — a Map keeps insertion order, and a hit re-inserts).
 * Active rule sets are few and hot, simulations touch a draft or two, so a small bound is plenty.
 */
export class EngineCache {
  private readonly entries = new Map<string, CompiledRuleSet>();

  constructor(
    readonly maxEntries = 64,
    private readonly options: CompileOptions = {},
  ) {}

  /** The evaluator for `document`, compiled on first use. `hash` must be the document's contentHash. */
  get(hash: string, document: RuleSetDocument): CompiledRuleSet {
    const hit = this.entries.get(hash);
    if (hit) {
      this.entries.delete(hash);
      this.entries.set(hash, hit);
      return hit;
    }
    const compiled = compileRuleSet(document, this.options);
    // A caller passing the wrong hash would poison the cache for every later reader of that hash.
    if (compiled.contentHash !== hash) throw new Error(`EngineCache.get: hash ${hash} is not the document's content hash (${compiled.contentHash})`);
    this.entries.set(hash, compiled);
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    return compiled;
  }

  has(hash: string): boolean {
    return this.entries.has(hash);
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
  }
}
