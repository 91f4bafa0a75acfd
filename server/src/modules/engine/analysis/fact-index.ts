import type { RuleInput, RuleSetDocument } from '../../rule-sets/rule-set';

/** The fact types a rule set can meet: the catalog's (number, integer, string, boolean, date, array) and inputs' (+ object). */
export type FactKind = 'number' | 'integer' | 'string' | 'boolean' | 'date' | 'array' | 'object';

/**
 * What the checks need from a catalog entry. The facts module's FactDefinition has this shape; taking only these
 * fields keeps the analysis testable with a three-fact catalog.
 */
export interface CatalogFact {
  name: string;
  type: string;
  /** Allowed values; for an array fact, the allowed item values. */
  enum?: readonly unknown[];
}

export interface KnownFact {
  name: string;
  kind: FactKind | null;
  enum?: readonly unknown[];
  /** Where the type comes from: the rule set's own `inputs` win over the catalog, because they are what callers send. */
  from: 'inputs' | 'catalog';
  catalogKind?: FactKind | null;
  inputIndex?: number;
}

const KINDS: readonly FactKind[] = ['number', 'integer', 'string', 'boolean', 'date', 'array', 'object'];
const asKind = (t: string): FactKind | null => ((KINDS as readonly string[]).includes(t) ? (t as FactKind) : null);

/** The facts one document may name: the catalog's plus those it declares in `inputs`. */
export class FactIndex {
  private readonly byName = new Map<string, KnownFact>();
  readonly catalogNames: readonly string[];

  constructor(catalog: Iterable<CatalogFact>, inputs: readonly RuleInput[] = []) {
    const catalogByName = new Map<string, CatalogFact>();
    for (const f of catalog) catalogByName.set(f.name, f);
    this.catalogNames = [...catalogByName.keys()];
    for (const f of catalogByName.values()) this.byName.set(f.name, { name: f.name, kind: asKind(f.type), enum: nonEmpty(f.enum), from: 'catalog' });
    inputs.forEach((inp, i) => {
      if (this.byName.get(inp.name)?.from === 'inputs') return; // a duplicate input is document-checks' to report
      const cat = catalogByName.get(inp.name);
      this.byName.set(inp.name, {
        name: inp.name,
        kind: asKind(inp.type),
        enum: nonEmpty(inp.enum) ?? nonEmpty(cat?.enum),
        from: 'inputs',
        catalogKind: cat ? asKind(cat.type) : undefined,
        inputIndex: i,
      });
    });
  }

  static of(doc: RuleSetDocument, catalog: Iterable<CatalogFact>): FactIndex {
    return new FactIndex(catalog, doc.inputs ?? []);
  }

  get(name: string): KnownFact | undefined {
    return this.byName.get(name);
  }

  names(): string[] {
    return [...this.byName.keys()];
  }
}

function nonEmpty(list: readonly unknown[] | undefined): readonly unknown[] | undefined {
  return list && list.length ? list : undefined;
}

/** integer is a number for every operator; only `equal` cares about whole numbers. */
export function numeric(kind: FactKind | null): boolean {
  return kind === 'number' || kind === 'integer';
}

/** The kind of an array fact's items, when its enum tells (every item value of one JSON type). */
export function elementKind(values: readonly unknown[] | undefined): FactKind | null {
  if (!values?.length) return null;
  if (values.every((v) => typeof v === 'string')) return 'string';
  if (values.every((v) => typeof v === 'number')) return values.every((v) => Number.isInteger(v)) ? 'integer' : 'number';
  return null;
}
