import { found, leaf, policy } from './analysis-test-kit';
import { checkUnusedConditions } from './unused-conditions';

describe('unused_condition', () => {
  const shared = {
    lev: { all: [leaf('debtToAsset', 'greaterThan', 0.7)] },
    viaLev: { any: [{ condition: 'lev' }, leaf('maxDpd', 'greaterThan', 30)] },
    orphan: { all: [leaf('maxDpd', 'greaterThan', 90)] },
    orphanChild: { all: [leaf('listed', 'equal', true)] },
    orphanParent: { not: { condition: 'orphanChild' } },
  };

  it('warns for shared conditions no rule reaches, directly or through others', () => {
    const doc = policy([{ conditions: { all: [{ condition: 'viaLev' }] } }], { conditions: shared as never });
    const issues = checkUnusedConditions(doc);
    expect(found(issues)).toEqual(['unused_condition@/conditions/orphan', 'unused_condition@/conditions/orphanChild', 'unused_condition@/conditions/orphanParent']);
    expect(issues.every((i) => i.severity === 'warning')).toBe(true);
  });

  it('is silent when every shared condition is used', () => {
    const doc = policy([{ conditions: { any: [{ condition: 'viaLev' }, { condition: 'orphan' }, { condition: 'orphanParent' }] } }], { conditions: shared as never });
    expect(checkUnusedConditions(doc)).toEqual([]);
  });
});
