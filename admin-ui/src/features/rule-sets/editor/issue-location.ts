import type { TFunction } from 'i18next';
import type { RuleSetDocument } from '../api/types';

/** Where a pointer lands, in words: "Rule 3 (sm-overdue)", "Shared condition isCreditImpaired", "Test 2". */
export function issueLocation(t: TFunction, doc: RuleSetDocument | null, pointer: string): string {
  const parts = pointer.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  const [area, id] = parts;
  const rest = parts.slice(2);
  const detail = rest.includes('conditions') || rest[0] === 'all' || rest[0] === 'any' || rest[0] === 'not' ? t('ruleSets.issues.inConditions') : rest[0] === 'event' ? t('ruleSets.issues.inOutputs') : '';
  const suffix = detail ? ` · ${detail}` : '';
  switch (area) {
    case 'rules': {
      const name = doc?.rules?.[Number(id)]?.name;
      return t('ruleSets.issues.rule', { number: Number(id) + 1, name: name ?? '' }) + suffix;
    }
    case 'conditions':
      return t('ruleSets.issues.shared', { name: id }) + suffix;
    case 'tests':
      return t('ruleSets.issues.test', { number: Number(id) + 1, name: doc?.tests?.[Number(id)]?.name ?? '' });
    case 'outputs':
      return t('ruleSets.issues.output', { name: id ?? '' });
    case 'inputs':
      return t('ruleSets.issues.input', { number: Number(id) + 1 });
    case undefined:
      return t('ruleSets.issues.document');
    default:
      return t('ruleSets.issues.field', { name: area });
  }
}

/** Places only the JSON view edits (declarations of inputs and outputs, the key, the family). */
export function isJsonOnly(pointer: string): boolean {
  return /^\/(inputs|outputs|key|family)(\/|$)/.test(pointer);
}
