import { describe, expect, it } from 'vitest';
import en from './en.json';
import zhCN from './zh-CN.json';

function leaves(tree: object, prefix = ''): [string, unknown][] {
  return Object.entries(tree).flatMap(([key, value]): [string, unknown][] =>
    typeof value === 'object' && value !== null ? leaves(value, `${prefix}${key}.`) : [[`${prefix}${key}`, value]],
  );
}
const keys = (tree: object) => leaves(tree).map(([key]) => key).sort();
const emptyKeys = (tree: object) => leaves(tree).filter(([, value]) => typeof value !== 'string' || !value.trim()).map(([key]) => key);

describe('translations', () => {
  it('zh-CN and en have exactly the same keys', () => {
    expect(keys(zhCN)).toEqual(keys(en));
  });
  it('leave no string empty', () => {
    expect(emptyKeys(en)).toEqual([]);
    expect(emptyKeys(zhCN)).toEqual([]);
  });
});
