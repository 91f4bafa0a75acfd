import type { TFunction } from 'i18next';
import type { FactPresenter } from '../../../components/explanation/trace-types';
import { plainValue } from '../../../components/explanation/explain-text';
import type { FactCatalog } from '../api/types';

type FactInfo = FactCatalog['facts'][number];

// Units whose numbers read fine bare (a ratio of 0.62, a grade of 8) get no suffix.
const BARE_UNITS = new Set(['ratio', 'flag', 'count', 'grade', 'score', 'stage']);

function pick(text: { zh?: string; en?: string } | undefined, language: string): string | undefined {
  if (!text) return undefined;
  return language.startsWith('zh') ? (text.zh ?? text.en) : (text.en ?? text.zh);
}

/**
 * Names and formats facts with the fact catalog (GET /api/v1/facts) in the current language: "资产负债率", grouped
 * numbers with their unit, enumeration values with their label. Facts the catalog does not know show as they are.
 */
export function catalogPresenter(catalog: FactCatalog | null, language: string, t: TFunction): FactPresenter {
  const byName = new Map<string, FactInfo>((catalog?.facts ?? []).map((f) => [f.name, f]));
  const number = new Intl.NumberFormat(language, { maximumFractionDigits: 6 });
  const format = (fact: string, value: unknown): string => {
    const info = byName.get(fact);
    if (typeof value === 'number') {
      const unit = info?.unit;
      return unit && !BARE_UNITS.has(unit) ? `${number.format(value)} ${t(`decisions.units.${unit}`, { defaultValue: unit })}` : number.format(value);
    }
    if (typeof value === 'string' && info?.enumLabels?.[value]) return `${pick(info.enumLabels[value], language)} (${value})`;
    if (Array.isArray(value)) return value.length === 0 ? '[ ]' : `[${value.map((v) => format(fact, v)).join(', ')}]`;
    return plainValue(value);
  };
  return { label: (fact) => pick(byName.get(fact)?.description, language), format };
}
