import { Engine, Operator, OperatorDecorator } from 'json-rules-engine';
import { after, before, between, startsWith, withinDays } from '../../server/src/modules/engine/domain-operators';
import type { RuleSetDocument } from '../../server/src/modules/rule-sets/rule-set';

/**
 * json-rules-engine 7.3.1 as the reference, configured as Covenant uses it: allowUndefinedFacts on,
 * replaceFactsInEventParams off, default path resolver (jsonpath-plus), our domain operators registered with the
 * very functions our evaluator uses.
 *
 * `lenient` builds a second engine in which every operator, validator and decorator that throws answers false
 * instead: the documented place where we differ from json-rules-engine (it rejects the whole run, we evaluate
 * the failing step as false and warn). Runs where the strict engine throws are compared against that one.
 */
export interface OracleFired {
  name: string;
  priority: number;
  event: unknown;
}

export type OracleOutcome = { ok: true; fired: OracleFired[] } | { ok: false; error: string };

export class Oracle {
  private asOfDay = 0;
  private readonly strict: Engine;
  private lenientEngine: Engine | null = null;

  constructor(private readonly doc: RuleSetDocument) {
    this.strict = this.build(false);
  }

  /** Runs are sequential on purpose: json-rules-engine keeps its run status on the Engine, so concurrent runs interfere. */
  async run(facts: Record<string, unknown>, asOfDay: number, lenient = false): Promise<OracleOutcome> {
    this.asOfDay = asOfDay;
    const engine = lenient ? (this.lenientEngine ??= this.build(true)) : this.strict;
    try {
      const result = await engine.run(facts);
      const fired = result.results.map((r) => ({ name: String(r.name), priority: r.priority as number, event: r.event }));
      return { ok: true, fired };
    } catch (e) {
      return { ok: false, error: e instanceof Error ? e.message : String(e) };
    }
  }

  private build(lenient: boolean): Engine {
    const engine = new Engine([], { allowUndefinedFacts: true });
    engine.addOperator('between', between);
    engine.addOperator('startsWith', startsWith);
    engine.addOperator('before', before);
    engine.addOperator('after', after);
    engine.addOperator('withinDays', (a: unknown, b: unknown) => withinDays(a, b, this.asOfDay));
    if (lenient) makeLenient(engine);
    // json-rules-engine mutates the objects it is given (condition priorities, reference expansion): give it copies.
    const copy = <T>(v: T): T => structuredClone(v);
    for (const [name, c] of Object.entries(this.doc.conditions ?? {})) engine.setCondition(name, copy(c) as never);
    for (const r of this.doc.rules) engine.addRule(copy(r) as never);
    return engine;
  }
}

type AnyFn = (...args: unknown[]) => unknown;

/** Replaces every registered operator and decorator with one whose throws become `false`. */
function makeLenient(engine: Engine): void {
  const map = (engine as unknown as { operators: { operators: Map<string, OperatorLike>; decorators: Map<string, DecoratorLike> } }).operators;
  for (const op of [...map.operators.values()]) {
    const cb = op.cb;
    const validator = op.factValueValidator;
    engine.addOperator(new Operator(op.name, (a: unknown, b: unknown) => safe(() => cb(a, b)), (a: unknown) => safe(() => validator(a))) as never);
  }
  for (const d of [...map.decorators.values()]) {
    const cb = d.cb;
    engine.addOperatorDecorator(
      new OperatorDecorator(d.name, (a: unknown, b: unknown, next: AnyFn) => safe(() => cb(a, b, next)), d.factValueValidator as never) as never,
    );
  }
}

interface OperatorLike {
  name: string;
  cb: AnyFn;
  factValueValidator: AnyFn;
}
interface DecoratorLike {
  name: string;
  cb: AnyFn;
  factValueValidator: AnyFn;
}

function safe(run: () => unknown): boolean {
  try {
    return run() as boolean;
  } catch {
    return false;
  }
}
