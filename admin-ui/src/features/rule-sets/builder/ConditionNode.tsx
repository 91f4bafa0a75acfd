import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Box, Button, IconButton, Menu, MenuItem, Stack, TextField, Tooltip, Typography } from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import ArrowDownIcon from '@mui/icons-material/ArrowDownward';
import ArrowUpIcon from '@mui/icons-material/ArrowUpward';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import WrapIcon from '@mui/icons-material/DataArray';
import type { Condition, ConditionRef, LeafCondition } from '../api/types';
import {
  addChild,
  changeGroupType,
  groupChildren,
  moveChild,
  nodeKind,
  removeChild,
  replaceChild,
  wrapInGroup,
  type GroupType,
} from '../model/condition-tree';
import { useBuilder } from './builder-context';
import { ConditionLeaf } from './ConditionLeaf';
import { IssueText } from './IssueText';
import { SharedConditionRef } from './SharedConditionRef';

const GROUP_COLORS: Record<GroupType, string> = { all: 'primary.main', any: 'secondary.main', not: 'error.main' };

export const NEW_LEAF: LeafCondition = { fact: '', operator: 'equal', value: '' };

/** Any condition: a group, a comparison, a shared-condition reference, or something only the JSON view can edit. */
export function ConditionNode({ node, pointer, onChange, depth = 0 }: { node: Condition; pointer: string; onChange(next: Condition): void; depth?: number }) {
  const kind = nodeKind(node);
  if (kind === 'leaf') return <ConditionLeaf leaf={node as LeafCondition} pointer={pointer} onChange={onChange} />;
  if (kind === 'ref') return <SharedConditionRef node={node as ConditionRef} pointer={pointer} onChange={onChange} />;
  if (kind === 'invalid') return <InvalidCondition node={node} pointer={pointer} />;
  return <ConditionGroup node={node} kind={kind} pointer={pointer} onChange={onChange} depth={depth} />;
}

function InvalidCondition({ node, pointer }: { node: unknown; pointer: string }) {
  const { t } = useTranslation();
  const { issues } = useBuilder();
  return (
    <Box data-pointer={pointer} sx={{ p: 1, border: 1, borderColor: 'error.main', borderRadius: 1 }}>
      <Typography variant="body2">{t('ruleSets.builder.invalidCondition')}</Typography>
      <Box component="pre" sx={{ m: 0, mt: 0.5, fontSize: 12, overflowX: 'auto' }}>
        {JSON.stringify(node)}
      </Box>
      <IssueText issues={issues.within(pointer)} />
    </Box>
  );
}

/** all / any / not: a type switch, its conditions with move and remove, and buttons to add more. */
function ConditionGroup({ node, kind, pointer, onChange, depth }: { node: Condition; kind: GroupType; pointer: string; onChange(next: Condition): void; depth: number }) {
  const { t } = useTranslation();
  const { readOnly, issues, shared } = useBuilder();
  const [sharedMenu, setSharedMenu] = useState<HTMLElement | null>(null);
  const children = groupChildren(node);
  const sharedNames = Object.keys(shared);

  return (
    <Box
      data-pointer={pointer}
      role="group"
      aria-label={t(`ruleSets.builder.groupLabel.${kind}`)}
      sx={{
        borderLeft: 3,
        borderColor: GROUP_COLORS[kind],
        pl: 1.5,
        py: 1,
        bgcolor: depth % 2 ? 'action.hover' : 'transparent',
        borderRadius: 0.5,
      }}
    >
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
        <TextField
          select
          size="small"
          label={t('ruleSets.builder.groupType')}
          value={kind}
          onChange={(e) => onChange(changeGroupType(node, e.target.value as GroupType))}
          fullWidth={false}
          sx={{ minWidth: 230 }}
          slotProps={{ input: { readOnly } }}
        >
          {(['all', 'any', 'not'] as const).map((type) => (
            <MenuItem key={type} value={type}>
              {t(`ruleSets.builder.groupTypes.${type}`)}
            </MenuItem>
          ))}
        </TextField>
      </Stack>
      <IssueText issues={issues.at(pointer, 'group')} />
      <Stack spacing={1.5}>
        {children.map(({ child, segment }, index) => (
          <Stack key={segment} direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
            <Box sx={{ flex: 1, minWidth: 0 }}>
              <ConditionNode node={child} pointer={`${pointer}/${segment}`} depth={depth + 1} onChange={(next) => onChange(replaceChild(node, index, next))} />
            </Box>
            {!readOnly && (
              <ChildActions
                first={index === 0}
                last={index === children.length - 1}
                movable={kind !== 'not'}
                onMove={(delta) => onChange(moveChild(node, index, delta))}
                onWrap={() => onChange(replaceChild(node, index, wrapInGroup(child, 'any')))}
                onRemove={() => onChange(removeChild(node, index))}
              />
            )}
          </Stack>
        ))}
      </Stack>
      {!readOnly && (
        <Stack direction="row" spacing={1} sx={{ mt: 1, flexWrap: 'wrap' }}>
          <Button size="small" startIcon={<AddIcon />} onClick={() => onChange(addChild(node, NEW_LEAF))}>
            {t('ruleSets.builder.addCondition')}
          </Button>
          <Button size="small" startIcon={<AddIcon />} onClick={() => onChange(addChild(node, { all: [] }))}>
            {t('ruleSets.builder.addGroup')}
          </Button>
          {sharedNames.length > 0 && (
            <>
              <Button size="small" startIcon={<AddIcon />} aria-haspopup="menu" onClick={(e) => setSharedMenu(e.currentTarget)}>
                {t('ruleSets.builder.addShared')}
              </Button>
              <Menu anchorEl={sharedMenu} open={Boolean(sharedMenu)} onClose={() => setSharedMenu(null)}>
                {sharedNames.map((name) => (
                  <MenuItem
                    key={name}
                    onClick={() => {
                      setSharedMenu(null);
                      onChange(addChild(node, { condition: name }));
                    }}
                  >
                    {name}
                  </MenuItem>
                ))}
              </Menu>
            </>
          )}
        </Stack>
      )}
    </Box>
  );
}

function ChildActions({
  first,
  last,
  movable,
  onMove,
  onWrap,
  onRemove,
}: {
  first: boolean;
  last: boolean;
  movable: boolean;
  onMove(delta: -1 | 1): void;
  onWrap(): void;
  onRemove(): void;
}) {
  const { t } = useTranslation();
  const action = (label: string, icon: ReactNode, onClick: () => void, disabled = false) => (
    <Tooltip title={label}>
      <span>
        <IconButton size="small" aria-label={label} onClick={onClick} disabled={disabled}>
          {icon}
        </IconButton>
      </span>
    </Tooltip>
  );
  return (
    <Stack direction="row" sx={{ flexShrink: 0, pt: 0.5 }}>
      {movable && action(t('ruleSets.builder.moveUp'), <ArrowUpIcon fontSize="small" />, () => onMove(-1), first)}
      {movable && action(t('ruleSets.builder.moveDown'), <ArrowDownIcon fontSize="small" />, () => onMove(1), last)}
      {action(t('ruleSets.builder.wrap'), <WrapIcon fontSize="small" />, onWrap)}
      {action(t('ruleSets.builder.remove'), <DeleteIcon fontSize="small" />, onRemove)}
    </Stack>
  );
}
