import { describe, expect, it } from 'vitest';
import { resources } from './resources';

function leaves(tree: object, prefix = ''): [string, unknown][] {
  return Object.entries(tree).flatMap(([key, value]): [string, unknown][] =>
    typeof value === 'object' && value !== null ? leaves(value, `${prefix}${key}.`) : [[`${prefix}${key}`, value]],
  );
}
const keys = (tree: object) => leaves(tree).map(([key]) => key).sort();
const emptyKeys = (tree: object) => leaves(tree).filter(([, value]) => typeof value !== 'string' || !value.trim()).map(([key]) => key);

describe('translations', () => {
  it('zh-CN and en have exactly the same keys', () => {
    expect(keys(resources['zh-CN'])).toEqual(keys(resources.en));
  });
  it('leave no string empty', () => {
    expect(emptyKeys(resources.en)).toEqual([]);
    expect(emptyKeys(resources['zh-CN'])).toEqual([]);
  });
});
