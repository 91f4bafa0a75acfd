import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Box, Button, Chip, List, ListItem, Stack, Typography } from '@mui/material';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import FiredIcon from '@mui/icons-material/CheckCircle';
import NotFiredIcon from '@mui/icons-material/RemoveCircleOutlineOutlined';
import { ConditionNode } from './ConditionTree';
import { plainPresenter } from './explain-text';
import type { FactPresenter, RuleTrace } from './trace-types';

export type { FactPresenter, RuleTrace, TraceNode } from './trace-types';

const K = 'decisions.explanation.';

/**
 * Why a decision came out as it did: every rule of the version, fired or not, and under each its condition tree
 * with every comparison met or not met and the fact's value beside the value the rule expects. Fired rules come
 * first and start open. Shared by the decision log and the rule-set test console.
 */
export function ExplanationTree({ trace, present = plainPresenter }: { trace: RuleTrace[]; present?: FactPresenter }) {
  const { t } = useTranslation();
  const baseId = useId();
  const [open, setOpen] = useState<ReadonlySet<string>>(() => new Set(trace.filter((r) => r.fired).map((r) => r.name)));
  const [onlyFired, setOnlyFired] = useState(false);
  const firedCount = trace.filter((r) => r.fired).length;
  // Fired first, then by priority (the order the engine considers them), stable for equal priorities.
  const rules = trace
    .map((rule, index) => ({ rule, index }))
    .sort((a, b) => Number(b.rule.fired) - Number(a.rule.fired) || b.rule.priority - a.rule.priority || a.index - b.index)
    .filter(({ rule }) => !onlyFired || rule.fired);
  const toggle = (name: string) =>
    setOpen((s) => {
      const next = new Set(s);
      if (next.has(name)) next.delete(name);
      else next.add(name);
      return next;
    });

  return (
    <Box>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 1 }} useFlexGap>
        <Typography variant="body2" color="text.secondary" sx={{ mr: 1 }}>
          {t(`${K}summary`, { fired: firedCount, count: trace.length })}
        </Typography>
        <Button size="small" variant={onlyFired ? 'contained' : 'outlined'} aria-pressed={onlyFired} onClick={() => setOnlyFired((v) => !v)}>
          {t(`${K}onlyFired`)}
        </Button>
        <Button size="small" onClick={() => setOpen(new Set(trace.map((r) => r.name)))}>
          {t(`${K}expandAll`)}
        </Button>
        <Button size="small" onClick={() => setOpen(new Set())}>
          {t(`${K}collapseAll`)}
        </Button>
      </Stack>
      <List disablePadding aria-label={t(`${K}label`)}>
        {rules.map(({ rule, index }) => {
          const isOpen = open.has(rule.name);
          const panelId = `${baseId}-rule-${index}`;
          return (
            <ListItem key={`${index}-${rule.name}`} disableGutters data-rule={rule.name} data-fired={String(rule.fired)} sx={{ display: 'block', borderTop: 1, borderColor: 'divider', py: 0.5 }}>
              <Button
                color="inherit"
                aria-expanded={isOpen}
                aria-controls={panelId}
                onClick={() => toggle(rule.name)}
                startIcon={isOpen ? <ExpandMoreIcon /> : <ChevronRightIcon />}
                sx={{ justifyContent: 'flex-start', textAlign: 'left', width: '100%', fontWeight: 400 }}
              >
                <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
                  <Typography component="span" sx={{ fontFamily: 'monospace', fontWeight: 700 }}>
                    {rule.name}
                  </Typography>
                  <Chip
                    size="small"
                    icon={rule.fired ? <FiredIcon /> : <NotFiredIcon />}
                    label={rule.fired ? t(`${K}fired`) : t(`${K}notFired`)}
                    color={rule.fired ? 'success' : 'default'}
                    variant="outlined"
                  />
                  <Typography component="span" variant="caption" color="text.secondary">
                    {t(`${K}priority`, { priority: rule.priority })}
                  </Typography>
                </Stack>
              </Button>
              {isOpen && (
                <List id={panelId} disablePadding sx={{ pl: 4.5, pb: 1 }}>
                  <ConditionNode node={rule.conditions} present={present} />
                </List>
              )}
            </ListItem>
          );
        })}
      </List>
    </Box>
  );
}
