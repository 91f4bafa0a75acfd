import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Box, Button, Chip, List, ListItem, Stack, Typography } from '@mui/material';
import CheckIcon from '@mui/icons-material/CheckCircle';
import CrossIcon from '@mui/icons-material/Cancel';
import type { RuleTrace, TraceLeaf, TraceNode } from '../api/types';
import { operatorLabel } from '../model/describe';
import { factLabel, type FactInfo } from '../model/fact-catalog';
import { formatValue } from '../model/units';

function Mark({ ok }: { ok: boolean }) {
  const { t } = useTranslation();
  return ok ? (
    <CheckIcon fontSize="small" sx={{ color: 'success.main' }} titleAccess={t('ruleSets.trace.true')} />
  ) : (
    <CrossIcon fontSize="small" sx={{ color: 'error.main' }} titleAccess={t('ruleSets.trace.false')} />
  );
}

function Leaf({ node, facts }: { node: TraceLeaf; facts: Map<string, FactInfo> }) {
  const { t, i18n } = useTranslation();
  const info = facts.get(node.fact);
  const lang = i18n.language;
  const seen = node.factMissing ? t('ruleSets.trace.missing') : formatValue(node.factValue, info, t, lang, facts);
  const expected = node.valueRef
    ? `${factLabel(facts.get(node.valueRef.fact), node.valueRef.fact, lang)} (${formatValue(node.value, facts.get(node.valueRef.fact), t, lang)})`
    : formatValue(node.value, info, t, lang, facts);
  return (
    <Typography variant="body2" component="span">
      <strong>{factLabel(info, node.fact, lang)}</strong>{' '}
      <Box component="span" sx={{ fontFamily: 'monospace', color: 'text.secondary' }}>
        ({node.fact}
        {node.path ?? ''})
      </Box>
      {' = '}
      <Box component="span" sx={{ fontWeight: 600, color: node.result ? 'success.dark' : 'error.main' }}>
        {seen}
      </Box>
      {' — '}
      {t('ruleSets.trace.expected', { operator: operatorLabel(t, node.operator), value: expected })}
    </Typography>
  );
}

function Node({ node, facts }: { node: TraceNode; facts: Map<string, FactInfo> }) {
  const { t } = useTranslation();
  let label: ReactNode;
  let children: TraceNode[] = [];
  switch (node.type) {
    case 'all':
    case 'any':
      label = t(`ruleSets.trace.${node.type}`, { count: node.conditions.length });
      children = node.conditions;
      break;
    case 'not':
      label = t('ruleSets.trace.not');
      children = [node.condition];
      break;
    case 'condition':
      label = t('ruleSets.trace.shared', { name: node.name });
      children = [node.condition];
      break;
    case 'fact':
      label = <Leaf node={node} facts={facts} />;
  }
  return (
    <ListItem disableGutters sx={{ display: 'block', py: 0.25 }}>
      <Stack direction="row" spacing={0.75} sx={{ alignItems: 'flex-start' }}>
        <Box sx={{ pt: 0.25 }}>
          <Mark ok={node.result} />
        </Box>
        <Box sx={{ minWidth: 0 }}>{typeof label === 'string' ? <Typography variant="body2">{label}</Typography> : label}</Box>
      </Stack>
      {children.length > 0 && (
        <List disablePadding sx={{ pl: 3, borderLeft: 1, borderColor: 'divider', ml: 1.25 }}>
          {children.map((c, i) => (
            <Node key={i} node={c} facts={facts} />
          ))}
        </List>
      )}
    </ListItem>
  );
}

/**
 * The explanation of a run: every rule, fired or not, with its condition tree; each condition green or red with
 * the value the fact had against the value the rule expects.
 */
export function TraceTree({ trace, facts }: { trace: RuleTrace[]; facts: Map<string, FactInfo> }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<Set<string>>(() => new Set(trace.filter((r) => r.fired).map((r) => r.name)));
  const [onlyFired, setOnlyFired] = useState(false);
  const rules = [...trace].sort((a, b) => Number(b.fired) - Number(a.fired) || b.priority - a.priority).filter((r) => !onlyFired || r.fired);
  return (
    <Box>
      <Stack direction="row" spacing={1} sx={{ mb: 1 }}>
        <Button size="small" onClick={() => setOnlyFired((v) => !v)} aria-pressed={onlyFired}>
          {onlyFired ? t('ruleSets.trace.showAll') : t('ruleSets.trace.onlyFired')}
        </Button>
        <Button size="small" onClick={() => setOpen(new Set(trace.map((r) => r.name)))}>
          {t('ruleSets.editor.expandAll')}
        </Button>
        <Button size="small" onClick={() => setOpen(new Set())}>
          {t('ruleSets.editor.collapseAll')}
        </Button>
      </Stack>
      <List disablePadding aria-label={t('ruleSets.trace.label')}>
        {rules.map((rule) => {
          const isOpen = open.has(rule.name);
          return (
            <ListItem key={rule.name} disableGutters sx={{ display: 'block', borderTop: 1, borderColor: 'divider', py: 0.5 }}>
              <Button
                onClick={() =>
                  setOpen((s) => {
                    const next = new Set(s);
                    if (isOpen) next.delete(rule.name);
                    else next.add(rule.name);
                    return next;
                  })
                }
                aria-expanded={isOpen}
                color="inherit"
                sx={{ justifyContent: 'flex-start', textAlign: 'left', width: '100%' }}
              >
                <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                  <Mark ok={rule.fired} />
                  <Typography component="span" sx={{ fontFamily: 'monospace', fontWeight: 600 }}>
                    {rule.name}
                  </Typography>
                  <Chip size="small" label={rule.fired ? t('ruleSets.trace.fired') : t('ruleSets.trace.notFired')} color={rule.fired ? 'success' : 'default'} variant={rule.fired ? 'filled' : 'outlined'} />
                  <Typography variant="caption" color="text.secondary">
                    {t('ruleSets.editor.priorityChip', { priority: rule.priority })}
                  </Typography>
                </Stack>
              </Button>
              {isOpen && (
                <List disablePadding sx={{ pl: 2 }}>
                  <Node node={rule.conditions} facts={facts} />
                </List>
              )}
            </ListItem>
          );
        })}
      </List>
    </Box>
  );
}
