import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { Accordion, AccordionDetails, AccordionSummary, Box, Button, Chip, Divider, Stack, TextField, Typography } from '@mui/material';
import ArrowDownIcon from '@mui/icons-material/ArrowDownward';
import ArrowUpIcon from '@mui/icons-material/ArrowUpward';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import type { OutputSpec, Rule, RuleEvent, TopCondition } from '../api/types';
import { useBuilder } from '../builder/builder-context';
import { ConditionBuilder } from '../builder/ConditionBuilder';
import { IssueText } from '../builder/IssueText';
import { NumberField } from '../builder/NumberField';
import { describeCondition } from '../model/describe';
import { pick, toLabel } from '../model/fact-catalog';
import { OutputsEditor } from '../outputs/OutputsEditor';
import { I18nTextFields } from './I18nTextFields';

export interface RuleCardProps {
  rule: Rule;
  index: number;
  count: number;
  expanded: boolean;
  outputs: Record<string, OutputSpec>;
  knownValues: Map<string, string[]>;
  objectLists: Set<string>;
  onExpand(index: number, open: boolean): void;
  onChange(index: number, rule: Rule): void;
  onRename(index: number, name: string): void;
  onMove(index: number, delta: -1 | 1): void;
  onRemove(index: number): void;
}

/**
 * One rule: collapsed, a sentence a credit officer can read ("Debt-to-asset ratio greater than 70 %") with its
 * priority and problem counts; opened, its name, priority, description, conditions ("when") and outputs ("then").
 */
export const RuleCard = memo(function RuleCard({ rule, index, count, expanded, outputs, knownValues, objectLists, onExpand, onChange, onRename, onMove, onRemove }: RuleCardProps) {
  const { t, i18n } = useTranslation();
  const { facts, readOnly, issues } = useBuilder();
  const pointer = `/rules/${index}`;
  const inside = issues.within(pointer);
  const errors = inside.filter((i) => i.severity === 'error').length;
  const warnings = inside.length - errors;
  const title = rule?.name || t('ruleSets.editor.unnamedRule');
  const description = pick(toLabel(rule?.description), i18n.language);
  const headingId = `rule-${index}-heading`;
  return (
    <Accordion
      expanded={expanded}
      onChange={(_, open) => onExpand(index, open)}
      disableGutters
      variant="outlined"
      slotProps={{ transition: { unmountOnExit: true } }}
      data-pointer={pointer}
      sx={{ '&:before': { display: 'none' }, borderColor: errors ? 'error.main' : undefined }}
    >
      <AccordionSummary expandIcon={<ExpandMoreIcon />} aria-controls={`rule-${index}-content`} id={headingId}>
        <Stack spacing={0.5} sx={{ minWidth: 0, flex: 1, pr: 1 }}>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 0.5 }}>
            <Chip size="small" label={t('ruleSets.editor.priorityChip', { priority: rule?.priority ?? '—' })} />
            <Typography component="h3" sx={{ fontWeight: 600, fontFamily: 'monospace' }}>
              {title}
            </Typography>
            {errors > 0 && <Chip size="small" color="error" label={t('ruleSets.issues.errorCount', { count: errors })} />}
            {warnings > 0 && <Chip size="small" color="warning" variant="outlined" label={t('ruleSets.issues.warningCount', { count: warnings })} />}
          </Stack>
          {description && <Typography variant="body2">{description}</Typography>}
          <Typography variant="body2" color="text.secondary" sx={{ overflow: 'hidden', textOverflow: 'ellipsis', display: '-webkit-box', WebkitLineClamp: 2, WebkitBoxOrient: 'vertical' }}>
            {t('ruleSets.editor.when')} {describeCondition(rule?.conditions, { t, language: i18n.language, facts })}
          </Typography>
        </Stack>
      </AccordionSummary>
      <AccordionDetails id={`rule-${index}-content`} sx={{ pt: 0 }}>
        <Stack spacing={2.5}>
          <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start' }}>
            <TextField
              size="small"
              label={t('ruleSets.editor.ruleName')}
              value={rule.name ?? ''}
              onChange={(e) => onRename(index, e.target.value)}
              error={issues.field(pointer, 'name').length > 0}
              helperText={t('ruleSets.editor.ruleNameHelp')}
              slotProps={{ input: { readOnly, sx: { fontFamily: 'monospace' } } }}
            />
            <NumberField
              label={t('ruleSets.editor.priority')}
              value={rule.priority}
              integer
              readOnly={readOnly}
              error={issues.field(pointer, 'priority').length > 0}
              helperText={t('ruleSets.editor.priorityHelp')}
              onChange={(priority) => onChange(index, { ...rule, priority })}
              width={220}
            />
          </Stack>
          <IssueText issues={issues.at(pointer, ['name', 'priority', 'event', 'conditions'])} />
          <I18nTextFields
            label={t('ruleSets.editor.description')}
            value={rule.description}
            readOnly={readOnly}
            multiline
            pointer={`${pointer}/description`}
            issues={issues.within(`${pointer}/description`)}
            onChange={(description) => {
              const { description: _old, ...rest } = rule;
              onChange(index, description === undefined ? (rest as Rule) : { ...rest, description });
            }}
          />
          <Box component="section" aria-labelledby={`${headingId}-when`}>
            <Typography variant="subtitle1" component="h4" id={`${headingId}-when`} sx={{ fontWeight: 600, mb: 1 }}>
              {t('ruleSets.editor.whenHeading')}
            </Typography>
            <ConditionBuilder value={rule.conditions} pointer={`${pointer}/conditions`} onChange={(conditions: TopCondition) => onChange(index, { ...rule, conditions })} />
          </Box>
          <Divider />
          <Box component="section" aria-labelledby={`${headingId}-then`}>
            <Typography variant="subtitle1" component="h4" id={`${headingId}-then`} sx={{ fontWeight: 600, mb: 1 }}>
              {t('ruleSets.editor.thenHeading')}
            </Typography>
            <OutputsEditor
              event={rule.event ?? { type: '' }}
              outputs={outputs}
              pointer={`${pointer}/event`}
              readOnly={readOnly}
              issues={issues}
              knownValues={knownValues}
              objectLists={objectLists}
              onChange={(event: RuleEvent) => onChange(index, { ...rule, event })}
            />
          </Box>
          {!readOnly && (
            <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end' }}>
              <Button size="small" startIcon={<ArrowUpIcon />} disabled={index === 0} onClick={() => onMove(index, -1)}>
                {t('ruleSets.editor.moveRuleUp')}
              </Button>
              <Button size="small" startIcon={<ArrowDownIcon />} disabled={index === count - 1} onClick={() => onMove(index, 1)}>
                {t('ruleSets.editor.moveRuleDown')}
              </Button>
              <Button size="small" color="error" startIcon={<DeleteIcon />} onClick={() => onRemove(index)}>
                {t('ruleSets.editor.removeRule')}
              </Button>
            </Stack>
          )}
        </Stack>
      </AccordionDetails>
    </Accordion>
  );
});
