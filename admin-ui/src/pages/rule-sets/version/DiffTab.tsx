import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { Alert, Box, Button, Chip, List, ListItem, ListItemText, MenuItem, Paper, Stack, TextField, Typography } from '@mui/material';
import { EmptyState, ErrorState, LoadingState } from '../../../components/PageState';
import { useDiff, useVersion } from '../../../features/rule-sets/api/rule-set-hooks';
import { prettyJson } from '../../../features/rule-sets/editor/json-text';
import { describeDiff } from '../../../features/rule-sets/model/describe-diff';
import { lineDiff, type DiffRow } from '../../../features/rule-sets/model/line-diff';
import type { VersionContext } from './version-context';

const ROW_COLORS: Record<DiffRow['kind'], { left?: string; right?: string }> = {
  same: {},
  changed: { left: 'rgba(179, 38, 30, 0.10)', right: 'rgba(46, 125, 50, 0.12)' },
  removed: { left: 'rgba(179, 38, 30, 0.10)' },
  added: { right: 'rgba(46, 125, 50, 0.12)' },
};
// Unchanged stretches longer than this are folded to their first and last lines.
const CONTEXT = 3;

function SideBySide({ left, right, leftLabel, rightLabel }: { left: string; right: string; leftLabel: string; rightLabel: string }) {
  const { t } = useTranslation();
  const rows = useMemo(() => lineDiff(left, right), [left, right]);
  const visible: (DiffRow | { fold: number })[] = [];
  for (let i = 0; i < rows.length; ) {
    if (rows[i].kind !== 'same') {
      visible.push(rows[i++]);
      continue;
    }
    let j = i;
    while (j < rows.length && rows[j].kind === 'same') j++;
    const run = rows.slice(i, j);
    if (run.length > CONTEXT * 2 + 1) {
      visible.push(...run.slice(0, i === 0 ? 0 : CONTEXT), { fold: run.length - (i === 0 ? 0 : CONTEXT) - (j === rows.length ? 0 : CONTEXT) }, ...run.slice(j === rows.length ? run.length : run.length - CONTEXT));
    } else visible.push(...run);
    i = j;
  }
  const cell = (side: 'left' | 'right', row: DiffRow) => (
    <Box component="td" sx={{ bgcolor: ROW_COLORS[row.kind][side], width: '50%', verticalAlign: 'top', px: 1, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
      <Box component="span" sx={{ color: 'text.disabled', userSelect: 'none', display: 'inline-block', width: 40 }}>
        {row[side]?.line ?? ''}
      </Box>
      {row[side]?.text ?? ''}
    </Box>
  );
  return (
    <Box sx={{ overflow: 'auto', maxHeight: 640, border: 1, borderColor: 'divider', borderRadius: 1 }}>
      <Box component="table" sx={{ width: '100%', borderCollapse: 'collapse', fontFamily: 'monospace', fontSize: 12.5, tableLayout: 'fixed' }}>
        <Box component="thead" sx={{ position: 'sticky', top: 0, bgcolor: 'background.paper', zIndex: 1 }}>
          <tr>
            <Box component="th" sx={{ textAlign: 'left', p: 1, borderBottom: 1, borderColor: 'divider' }}>
              {leftLabel}
            </Box>
            <Box component="th" sx={{ textAlign: 'left', p: 1, borderBottom: 1, borderColor: 'divider' }}>
              {rightLabel}
            </Box>
          </tr>
        </Box>
        <tbody>
          {visible.map((row, i) =>
            'fold' in row ? (
              <tr key={i}>
                <Box component="td" colSpan={2} sx={{ textAlign: 'center', color: 'text.secondary', bgcolor: 'action.hover', py: 0.25 }}>
                  {t('ruleSets.diff.folded', { count: row.fold })}
                </Box>
              </tr>
            ) : (
              <tr key={i}>
                {cell('left', row)}
                {cell('right', row)}
              </tr>
            ),
          )}
        </tbody>
      </Box>
    </Box>
  );
}

/** Two versions compared: what changed in the policy's own words, and the JSON side by side. */
export function DiffTab({ ctx }: { ctx: VersionContext }) {
  const { t, i18n } = useTranslation();
  const { key, version, editor, detail, facts, onShow } = ctx;
  const [params, setParams] = useSearchParams();
  const versions = (detail?.versions ?? []).map((v) => v.version).sort((a, b) => b - a);
  const fallbackFrom = editor.base?.basedOnVersion ?? detail?.active?.version ?? (version > 1 ? version - 1 : null);
  const from = Number(params.get('from') ?? fallbackFrom ?? NaN);
  const to = Number(params.get('to') ?? version);
  const valid = Number.isInteger(from) && Number.isInteger(to) && from > 0 && to > 0;
  const diff = useDiff(key, valid ? from : null, valid ? to : null);
  const older = useVersion(key, valid ? from : null);
  const newer = useVersion(key, valid ? to : null);
  const pick = (name: 'from' | 'to', value: string) => setParams((p) => ({ ...Object.fromEntries(p), [name]: value }), { replace: true });

  const lines = useMemo(() => {
    if (diff.status !== 'ready' || older.status !== 'ready' || newer.status !== 'ready') return null;
    return describeDiff(diff.data, older.data.document, newer.data.document, { t, language: i18n.language, facts });
  }, [diff, older, newer, t, i18n.language, facts]);

  const select = (name: 'from' | 'to', value: number) => (
    <TextField select size="small" label={t(`ruleSets.diff.${name}`)} value={Number.isInteger(value) ? String(value) : ''} onChange={(e) => pick(name, e.target.value)} fullWidth={false} sx={{ minWidth: 200 }}>
      {versions.map((v) => (
        <MenuItem key={v} value={String(v)}>
          {t('ruleSets.common.versionN', { version: v })}
          {v === detail?.active?.version ? ` · ${t('ruleSets.status.active')}` : ''}
          {v === version ? ` · ${t('ruleSets.diff.thisOne')}` : ''}
        </MenuItem>
      ))}
    </TextField>
  );

  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
        {select('from', from)}
        <Typography aria-hidden>→</Typography>
        {select('to', to)}
        <Button onClick={() => setParams({ from: String(to), to: String(from) }, { replace: true })} disabled={!valid}>
          {t('ruleSets.diff.swap')}
        </Button>
      </Stack>
      {editor.dirty && <Alert severity="info" role="note">{t('ruleSets.diff.savedOnly')}</Alert>}
      {!valid ? (
        <EmptyState title={t('ruleSets.diff.pickTwo')} />
      ) : diff.status === 'error' ? (
        <ErrorState error={diff.error} onRetry={diff.reload} />
      ) : !lines || older.status !== 'ready' || newer.status !== 'ready' ? (
        <LoadingState />
      ) : (
        <>
          <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-labelledby="diff-summary">
            <Typography variant="h6" component="h2" id="diff-summary" sx={{ mb: 1 }}>
              {t('ruleSets.diff.summaryHeading', { from, to })}
            </Typography>
            {lines.length === 0 ? (
              <Typography color="text.secondary">{t('ruleSets.diff.identical')}</Typography>
            ) : (
              <List dense disablePadding>
                {lines.map((line, i) => (
                  <ListItem
                    key={i}
                    disableGutters
                    secondaryAction={
                      line.pointer && to === version ? (
                        <Button size="small" onClick={() => onShow(line.pointer!)}>
                          {t('ruleSets.issues.show')}
                        </Button>
                      ) : undefined
                    }
                  >
                    <Chip size="small" sx={{ mr: 1, minWidth: 72 }} color={line.kind === 'added' ? 'success' : line.kind === 'removed' ? 'error' : 'warning'} label={t(`ruleSets.diff.kind.${line.kind}`)} />
                    <ListItemText primary={line.text} sx={{ pr: 8 }} />
                  </ListItem>
                ))}
              </List>
            )}
          </Paper>
          <Box component="section" aria-labelledby="diff-json">
            <Typography variant="h6" component="h2" id="diff-json" sx={{ mb: 1 }}>
              {t('ruleSets.diff.jsonHeading')}
            </Typography>
            <SideBySide
              left={prettyJson(older.data.document)}
              right={prettyJson(newer.data.document)}
              leftLabel={t('ruleSets.common.versionN', { version: from })}
              rightLabel={t('ruleSets.common.versionN', { version: to })}
            />
          </Box>
        </>
      )}
    </Stack>
  );
}
