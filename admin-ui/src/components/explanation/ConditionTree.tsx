import { useTranslation } from 'react-i18next';
import { Box, List, ListItem, Stack, Typography } from '@mui/material';
import MetIcon from '@mui/icons-material/CheckCircle';
import NotMetIcon from '@mui/icons-material/Cancel';
import { operatorText } from './explain-text';
import type { FactPresenter, TraceLeaf, TraceNode } from './trace-types';

const K = 'decisions.explanation.';

/**
 * Met / not met, never by colour alone: two different icon shapes and the word itself beside them (the icon is
 * hidden from screen readers, which read the word).
 */
export function ResultMark({ ok }: { ok: boolean }) {
  const { t } = useTranslation();
  return (
    <Stack direction="row" spacing={0.5} component="span" sx={{ alignItems: 'center', color: ok ? 'success.main' : 'error.main', flexShrink: 0 }}>
      {ok ? <MetIcon fontSize="small" /> : <NotMetIcon fontSize="small" />}
      <Typography component="span" variant="caption" sx={{ fontWeight: 700, textTransform: 'uppercase', letterSpacing: 0.4, whiteSpace: 'nowrap' }}>
        {ok ? t(`${K}met`) : t(`${K}notMet`)}
      </Typography>
    </Stack>
  );
}

function FactName({ fact, path, present }: { fact: string; path?: string; present: FactPresenter }) {
  const label = present.label(fact);
  const code = `${fact}${path ?? ''}`;
  return (
    <>
      {label && <strong>{label} </strong>}
      <Box component="code" sx={{ fontSize: '0.8125rem', color: label ? 'text.secondary' : 'text.primary', fontWeight: label ? 400 : 600 }}>
        {label ? `(${code})` : code}
      </Box>
    </>
  );
}

function Leaf({ node, present }: { node: TraceLeaf; present: FactPresenter }) {
  const { t } = useTranslation();
  const seen = node.factMissing ? t(`${K}missing`) : present.format(node.fact, node.factValue);
  const expected = node.valueRef ? (
    <>
      <FactName fact={node.valueRef.fact} path={node.valueRef.path} present={present} /> = {present.format(node.valueRef.fact, node.value)}
    </>
  ) : (
    present.format(node.fact, node.value)
  );
  return (
    <Typography variant="body2" component="span" sx={{ overflowWrap: 'anywhere' }}>
      <FactName fact={node.fact} path={node.path} present={present} />
      {' '}
      {t(`${K}was`)}{' '}
      <Box component="span" data-testid="fact-value" sx={{ fontWeight: 700, fontFamily: 'monospace' }}>
        {seen}
      </Box>
      {'; '}
      {t(`${K}expected`)}{' '}
      <Box component="span">{operatorText(t, node.operator)}</Box>{' '}
      <Box component="span" data-testid="expected-value" sx={{ fontWeight: 700, fontFamily: 'monospace' }}>
        {expected}
      </Box>
    </Typography>
  );
}

function nodeLabel(t: ReturnType<typeof useTranslation>['t'], node: Exclude<TraceNode, TraceLeaf>): string {
  switch (node.type) {
    case 'all':
    case 'any':
      return t(`${K}${node.type}`, { count: node.conditions.length });
    case 'not':
      return t(`${K}not`);
    case 'condition':
      return t(`${K}shared`, { name: node.name });
  }
}

function childrenOf(node: TraceNode): TraceNode[] {
  switch (node.type) {
    case 'all':
    case 'any':
      return node.conditions;
    case 'not':
    case 'condition':
      return [node.condition];
    case 'fact':
      return [];
  }
}

/** One condition node and everything under it, as nested lists. */
export function ConditionNode({ node, present }: { node: TraceNode; present: FactPresenter }) {
  const { t } = useTranslation();
  const children = childrenOf(node);
  return (
    <ListItem disableGutters data-result={String(node.result)} sx={{ display: 'block', py: 0.25 }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'baseline' }}>
        <Box sx={{ position: 'relative', top: 3 }}>
          <ResultMark ok={node.result} />
        </Box>
        <Box sx={{ minWidth: 0 }}>
          {node.type === 'fact' ? <Leaf node={node} present={present} /> : <Typography variant="body2">{nodeLabel(t, node)}</Typography>}
        </Box>
      </Stack>
      {children.length > 0 && (
        <List disablePadding sx={{ pl: 2.5, ml: 1.25, borderLeft: 1, borderColor: 'divider' }}>
          {children.map((child, i) => (
            <ConditionNode key={i} node={child} present={present} />
          ))}
        </List>
      )}
    </ListItem>
  );
}
