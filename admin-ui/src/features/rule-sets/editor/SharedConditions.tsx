import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Accordion, AccordionDetails, AccordionSummary, Box, Button, Chip, Stack, TextField, Typography } from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import type { RuleSetDocument, TopCondition } from '../api/types';
import { useBuilder } from '../builder/builder-context';
import { ConditionBuilder } from '../builder/ConditionBuilder';
import { escapePointer, referencesIn } from '../model/condition-tree';
import { describeCondition } from '../model/describe';

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]{0,79}$/;

/** Who refers to each shared condition: rules by name, and other shared conditions. */
function usage(doc: RuleSetDocument): Map<string, string[]> {
  const used = new Map<string, string[]>();
  const note = (name: string, by: string) => used.set(name, [...(used.get(name) ?? []), by]);
  for (const r of doc.rules ?? []) for (const n of referencesIn(r?.conditions)) note(n, r.name);
  for (const [name, c] of Object.entries(doc.conditions ?? {})) for (const n of referencesIn(c)) note(n, name);
  return used;
}

/**
 * Conditions defined once and referred to by several rules (e.g. "the 7-day technical delay"): edited here with the
 * same builder, so a change applies to every rule that uses them.
 */
export function SharedConditions({
  doc,
  expanded,
  onExpand,
  onChange,
  onAdd,
  onRemove,
}: {
  doc: RuleSetDocument;
  expanded: Set<string>;
  onExpand(name: string, open: boolean): void;
  onChange(name: string, condition: TopCondition): void;
  onAdd(name: string): void;
  onRemove(name: string): void;
}) {
  const { t, i18n } = useTranslation();
  const { facts, readOnly, issues } = useBuilder();
  const [newName, setNewName] = useState('');
  const shared = Object.entries(doc.conditions ?? {});
  const used = usage(doc);
  const nameProblem = !newName ? '' : !IDENTIFIER.test(newName) ? t('ruleSets.shared.badName') : newName in (doc.conditions ?? {}) ? t('ruleSets.shared.taken') : '';

  return (
    <Stack spacing={1}>
      {shared.length === 0 && (
        <Typography color="text.secondary" variant="body2">
          {t('ruleSets.shared.none')}
        </Typography>
      )}
      {shared.map(([name, condition]) => {
        const pointer = `/conditions/${escapePointer(name)}`;
        const users = used.get(name) ?? [];
        const errors = issues.within(pointer).filter((i) => i.severity === 'error').length;
        return (
          <Accordion
            key={name}
            expanded={expanded.has(name)}
            onChange={(_, open) => onExpand(name, open)}
            disableGutters
            variant="outlined"
            slotProps={{ transition: { unmountOnExit: true } }}
            data-pointer={pointer}
            sx={{ '&:before': { display: 'none' } }}
          >
            <AccordionSummary expandIcon={<ExpandMoreIcon />}>
              <Stack spacing={0.5} sx={{ minWidth: 0 }}>
                <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                  <Typography component="h3" sx={{ fontWeight: 600, fontFamily: 'monospace' }}>
                    {name}
                  </Typography>
                  <Chip size="small" variant="outlined" label={t('ruleSets.shared.usedBy', { count: users.length })} />
                  {errors > 0 && <Chip size="small" color="error" label={t('ruleSets.issues.errorCount', { count: errors })} />}
                </Stack>
                <Typography variant="body2" color="text.secondary">
                  {describeCondition(condition, { t, language: i18n.language, facts })}
                </Typography>
              </Stack>
            </AccordionSummary>
            <AccordionDetails>
              {users.length > 0 && (
                <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
                  {t('ruleSets.shared.usedByList', { names: users.join(', ') })}
                </Typography>
              )}
              <ConditionBuilder value={condition} pointer={pointer} onChange={(next) => onChange(name, next)} />
              {!readOnly && (
                <Box sx={{ display: 'flex', justifyContent: 'flex-end', mt: 1 }}>
                  <Button size="small" color="error" startIcon={<DeleteIcon />} disabled={users.length > 0} onClick={() => onRemove(name)}>
                    {users.length ? t('ruleSets.shared.removeInUse') : t('ruleSets.shared.remove')}
                  </Button>
                </Box>
              )}
            </AccordionDetails>
          </Accordion>
        );
      })}
      {!readOnly && (
        <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start', pt: 1 }}>
          <TextField
            size="small"
            label={t('ruleSets.shared.newName')}
            value={newName}
            onChange={(e) => setNewName(e.target.value.trim())}
            error={Boolean(nameProblem)}
            helperText={nameProblem || t('ruleSets.shared.newNameHelp')}
            fullWidth={false}
            sx={{ width: 320 }}
          />
          <Button
            startIcon={<AddIcon />}
            disabled={!newName || Boolean(nameProblem)}
            onClick={() => {
              onAdd(newName);
              setNewName('');
            }}
            sx={{ mt: 0.5 }}
          >
            {t('ruleSets.shared.add')}
          </Button>
        </Stack>
      )}
    </Stack>
  );
}
