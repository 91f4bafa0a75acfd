import type { DecoratorName } from './decorators';

/**
 * What the admin UI's condition builder and the static checks need to know about each operator: which fact
 * types it makes sense for and what its value must look like. Descriptive only: the evaluator does not read it
 * (it follows json-rules-engine's behaviour for any types).
 */
export type FactType = 'number' | 'string' | 'date' | 'array' | 'boolean' | 'any';
export type ValueShape =
  | 'same-as-fact' // a scalar of the fact's type
  | 'number'
  | 'list' // an array of scalars
  | 'list-or-string' // an array, or a string searched for a substring
  | 'scalar' // one element of the fact's array
  | 'number-range' // [lo, hi]
  | 'prefix' // a string or a list of strings
  | 'date' // an ISO date or datetime
  | 'days'; // a whole number of days, negative for the future

export interface OperatorInfo {
  name: string;
  source: 'json-rules-engine' | 'covenant';
  factTypes: FactType[];
  value: ValueShape;
  label: { zh: string; en: string };
}

export interface DecoratorInfo {
  name: DecoratorName;
  /** someFact/everyFact need an array fact; someValue/everyValue an array value. */
  requires: 'array-fact' | 'array-value' | null;
  label: { zh: string; en: string };
}

const jre = 'json-rules-engine' as const;

export const OPERATORS: readonly OperatorInfo[] = Object.freeze([
  { name: 'equal', source: jre, factTypes: ['any'], value: 'same-as-fact', label: { zh: '等于', en: 'equals' } },
  { name: 'notEqual', source: jre, factTypes: ['any'], value: 'same-as-fact', label: { zh: '不等于', en: 'does not equal' } },
  { name: 'lessThan', source: jre, factTypes: ['number'], value: 'number', label: { zh: '小于', en: 'less than' } },
  { name: 'lessThanInclusive', source: jre, factTypes: ['number'], value: 'number', label: { zh: '小于等于', en: 'at most' } },
  { name: 'greaterThan', source: jre, factTypes: ['number'], value: 'number', label: { zh: '大于', en: 'greater than' } },
  { name: 'greaterThanInclusive', source: jre, factTypes: ['number'], value: 'number', label: { zh: '大于等于', en: 'at least' } },
  { name: 'in', source: jre, factTypes: ['number', 'string', 'boolean'], value: 'list-or-string', label: { zh: '属于', en: 'is one of' } },
  { name: 'notIn', source: jre, factTypes: ['number', 'string', 'boolean'], value: 'list-or-string', label: { zh: '不属于', en: 'is none of' } },
  { name: 'contains', source: jre, factTypes: ['array'], value: 'scalar', label: { zh: '包含', en: 'contains' } },
  { name: 'doesNotContain', source: jre, factTypes: ['array'], value: 'scalar', label: { zh: '不包含', en: 'does not contain' } },
  { name: 'between', source: 'covenant', factTypes: ['number'], value: 'number-range', label: { zh: '介于（含两端）', en: 'between (inclusive)' } },
  { name: 'startsWith', source: 'covenant', factTypes: ['string'], value: 'prefix', label: { zh: '以…开头', en: 'starts with' } },
  { name: 'before', source: 'covenant', factTypes: ['date'], value: 'date', label: { zh: '早于', en: 'before' } },
  { name: 'after', source: 'covenant', factTypes: ['date'], value: 'date', label: { zh: '晚于', en: 'after' } },
  {
    name: 'withinDays',
    source: 'covenant',
    factTypes: ['date'],
    value: 'days',
    label: { zh: '距评估日N天内（负数为未来）', en: 'within N days before asOf (negative: after)' },
  },
] satisfies OperatorInfo[]);

export const DECORATORS: readonly DecoratorInfo[] = Object.freeze([
  { name: 'someFact', requires: 'array-fact', label: { zh: '任一事实元素', en: 'some fact element' } },
  { name: 'everyFact', requires: 'array-fact', label: { zh: '每个事实元素', en: 'every fact element' } },
  { name: 'someValue', requires: 'array-value', label: { zh: '任一取值', en: 'some value' } },
  { name: 'everyValue', requires: 'array-value', label: { zh: '每个取值', en: 'every value' } },
  { name: 'not', requires: null, label: { zh: '非', en: 'not' } },
  { name: 'swap', requires: null, label: { zh: '交换两侧', en: 'swap sides' } },
] satisfies DecoratorInfo[]);
