import { useTranslation } from 'react-i18next';
import { Button, Stack } from '@mui/material';
import type { Condition, TopCondition } from '../api/types';
import { nodeKind } from '../model/condition-tree';
import { useBuilder } from './builder-context';
import { ConditionNode } from './ConditionNode';

/**
 * The visual condition builder for one rule (or one shared condition): a tree of all/any/not groups, comparisons
 * and shared-condition references. `pointer` is where the tree sits in the document, so problems reported by JSON
 * pointer appear at the condition they concern.
 */
export function ConditionBuilder({ value, pointer, onChange }: { value: TopCondition; pointer: string; onChange(next: TopCondition): void }) {
  const { t } = useTranslation();
  const { readOnly } = useBuilder();
  const kind = nodeKind(value);
  // A rule's top level must be a group or a reference (the schema's topCondition); a reference can be opened up.
  return (
    <Stack spacing={1}>
      <ConditionNode node={value} pointer={pointer} onChange={(next: Condition) => onChange(next as TopCondition)} />
      {kind === 'ref' && !readOnly && (
        <Button size="small" sx={{ alignSelf: 'flex-start' }} onClick={() => onChange({ all: [value] })}>
          {t('ruleSets.builder.refToGroup')}
        </Button>
      )}
    </Stack>
  );
}
