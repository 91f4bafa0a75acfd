import { describe, expect, it } from 'vitest';
import generated from './rule-set-schema.generated.ts?raw';
import { generateValidatorSource, REGENERATE } from './rule-set-schema-source';
import { schemaIssues } from './schema-check';
import { testPolicy } from '../test-fixtures';

describe('the browser-side rule-set schema check', () => {
  it('is generated from the current schemas/rule-set.schema.json', () => {
    // If this fails, the schema changed: regenerate the validator with the command below and commit it.
    expect(generated === generateValidatorSource(), `run: ${REGENERATE}`).toBe(true);
  });

  it('accepts a valid document and names each bad field by the pointer the server would use', () => {
    expect(schemaIssues(testPolicy())).toEqual([]);
    const doc = testPolicy() as any;
    doc.rules[0].conditions.all[0].operator = 'greaterThen';
    doc.rules[1].priority = 0;
    delete doc.rules[1].event;
    doc.tests[0].asOf = '31/12/2026';
    const found = schemaIssues(doc).map((i) => [i.pointer, i.key]);
    expect(found).toEqual(
      expect.arrayContaining([
        ['/rules/0/conditions/all/0/operator', 'ruleSets.schema.operator'],
        ['/rules/1/priority', 'ruleSets.schema.minimum'],
        ['/rules/1/event', 'ruleSets.schema.required'],
        ['/tests/0/asOf', 'ruleSets.schema.format'],
      ]),
    );
  });

  it('also runs the structural checks the server runs before storing', () => {
    const doc = testPolicy();
    doc.rules[1].name = doc.rules[0].name;
    doc.rules[0].conditions = { all: [{ condition: 'nowhere' }] };
    doc.tests![0].expect.firedRules = ['no-such-rule'];
    expect(schemaIssues(doc).map((i) => [i.pointer, i.key])).toEqual([
      ['/rules/1/name', 'ruleSets.schema.duplicateRule'],
      ['/rules/0/conditions/all/0/condition', 'ruleSets.schema.unknownShared'],
      ['/tests/0/expect/firedRules/0', 'ruleSets.schema.unknownRule'],
    ]);
  });
});
