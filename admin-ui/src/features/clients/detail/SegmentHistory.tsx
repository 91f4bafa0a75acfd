import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { Alert, Box, Button, List, ListItem, Stack, Typography } from '@mui/material';
import { problemMessage } from '../../../api/problem-message';
import { ErrorState, LoadingState } from '../../../components/PageState';
import { actorText } from '../../../components/format/actor-text';
import { formatDateTime } from '../../../components/format/date-time';
import { class5Label, severityLabel, stageLabel } from '../../portfolio/model/labels';
import { useSegmentHistory } from '../api/client-hooks';
import type { SegmentChange, Segments } from '../api/types';

type Field = 'class5' | 'ifrs9Stage' | 'tier' | 'riskLevel' | 'tags';
const FIELDS: Field[] = ['class5', 'ifrs9Stage', 'tier', 'riskLevel', 'tags'];

function show(t: TFunction, field: Field, v: Segments[Field] | undefined): string {
  if (v === null || v === undefined) return '—';
  if (field === 'class5') return class5Label(t, v as string);
  if (field === 'ifrs9Stage') return stageLabel(t, v as number);
  if (field === 'riskLevel') return severityLabel(t, v as string);
  return String(v);
}

/** What changed in one entry, in words: "Class: Normal → Special mention; tags added: 风险较高客户". */
export function changeLines(t: TFunction, c: SegmentChange): string[] {
  const out: string[] = [];
  for (const f of FIELDS) {
    const before = c.before[f];
    const after = c.after[f];
    if (f === 'tags') {
      const b = new Set((before as string[] | null | undefined) ?? []);
      const a = new Set((after as string[] | null | undefined) ?? []);
      const added = [...a].filter((x) => !b.has(x));
      const removed = [...b].filter((x) => !a.has(x));
      if (added.length) out.push(t('clients.history.tagsAdded', { tags: added.join('、') }));
      if (removed.length) out.push(t('clients.history.tagsRemoved', { tags: removed.join('、') }));
    } else if (JSON.stringify(before ?? null) !== JSON.stringify(after ?? null)) {
      out.push(`${t(`clients.history.fields.${f}`)}: ${show(t, f, before)} → ${show(t, f, after)}`);
    }
  }
  return out;
}

/** Classification and segment changes, newest first, each with the rules that made it. */
export function SegmentHistory({ clientId }: { clientId: string }) {
  const { t, i18n } = useTranslation();
  const { state, loadMore, reload } = useSegmentHistory(clientId);
  if (state.status === 'loading') return <LoadingState />;
  if (state.status === 'error') return <ErrorState error={state.error} onRetry={reload} />;
  if (state.items.length === 0) return <Typography color="text.secondary">{t('clients.history.none')}</Typography>;
  return (
    <Box>
      <List disablePadding aria-label={t('clients.history.label')}>
        {state.items.map((c) => (
          <ListItem key={c.id} disableGutters sx={{ display: 'block', borderTop: 1, borderColor: 'divider', py: 1 }}>
            <Typography variant="body2" color="text.secondary">
              {formatDateTime(c.at, i18n.language)} · {actorText(t, c.by)}
            </Typography>
            {changeLines(t, c).map((line) => (
              <Typography key={line} variant="body2" sx={{ fontWeight: 600 }}>
                {line}
              </Typography>
            ))}
            {c.ruleSets && c.ruleSets.some((r) => r.firedRules.length) && (
              <Typography variant="caption" color="text.secondary" component="p" sx={{ fontFamily: 'monospace', overflowWrap: 'anywhere' }}>
                {c.ruleSets
                  .filter((r) => r.firedRules.length)
                  .map((r) => `${r.key}@${r.version}: ${r.firedRules.join(', ')}`)
                  .join(' · ')}
              </Typography>
            )}
          </ListItem>
        ))}
      </List>
      {state.moreError != null && <Alert severity="error">{problemMessage(t, state.moreError)}</Alert>}
      {state.nextCursor && (
        <Stack direction="row" sx={{ justifyContent: 'center' }}>
          <Button onClick={loadMore} disabled={state.loadingMore}>
            {t('clients.history.more')}
          </Button>
        </Stack>
      )}
    </Box>
  );
}
