import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Paper, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { EmptyState, ErrorState, LoadingState } from '../../../components/PageState';
import { useAuditTrail } from '../../../features/rule-sets/api/rule-set-hooks';
import type { AuditEntry } from '../../../features/rule-sets/api/types';
import { actorName, formatDateTime } from '../../../features/rule-sets/model/format';

function statusChange(e: AuditEntry, t: ReturnType<typeof useTranslation>['t']): string {
  const before = (e.before as { status?: string } | undefined)?.status;
  const after = (e.after as { status?: string } | undefined)?.status;
  if (!before && !after) return '';
  const say = (s?: string) => (s ? t(`ruleSets.status.${s}`, { defaultValue: s }) : '—');
  return before === after ? say(after) : `${say(before)} → ${say(after)}`;
}

/** The audit trail of one rule set, newest first, 50 at a time; for approvers and administrators. */
export function AuditTrail({ ruleSetKey }: { ruleSetKey: string }) {
  const { t, i18n } = useTranslation();
  const [cursor, setCursor] = useState<string | null>(null);
  const [rows, setRows] = useState<AuditEntry[]>([]);
  const page = useAuditTrail(ruleSetKey, true, cursor);
  const pageData = page.status === 'ready' ? page.data : null;
  useEffect(() => {
    if (pageData) setRows((r) => (cursor ? [...r, ...pageData.items] : pageData.items));
  }, [pageData, cursor]);

  if (page.status === 'error' && !rows.length) return <ErrorState error={page.error} onRetry={page.reload} />;
  if (page.status === 'loading' && !rows.length) return <LoadingState />;
  if (!rows.length) return <EmptyState title={t('ruleSets.audit.empty')} />;
  return (
    <>
      <TableContainer component={Paper} variant="outlined">
        <Table size="small" aria-label={t('ruleSets.audit.heading')}>
          <TableHead>
            <TableRow>
              <TableCell>{t('ruleSets.audit.when')}</TableCell>
              <TableCell>{t('ruleSets.audit.who')}</TableCell>
              <TableCell>{t('ruleSets.audit.what')}</TableCell>
              <TableCell>{t('ruleSets.audit.version')}</TableCell>
              <TableCell>{t('ruleSets.audit.status')}</TableCell>
              <TableCell>{t('ruleSets.audit.comment')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((e) => (
              <TableRow key={e.id}>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(e.at, i18n.language)}</TableCell>
                <TableCell>{actorName(t, e.actor)}</TableCell>
                <TableCell>{t(`ruleSets.audit.actions.${e.action.replace(/^rule-set\./, '')}`, { defaultValue: e.action })}</TableCell>
                <TableCell sx={{ fontFamily: 'monospace' }}>{e.entityId.split('@')[1] ?? e.entityId}</TableCell>
                <TableCell>{statusChange(e, t)}</TableCell>
                <TableCell>
                  <Typography variant="body2" sx={{ maxWidth: 360 }}>
                    {e.comment ?? ''}
                  </Typography>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      {pageData?.nextCursor && (
        <Button sx={{ mt: 1 }} disabled={page.status === 'loading'} onClick={() => setCursor(pageData.nextCursor)}>
          {t('ruleSets.audit.more')}
        </Button>
      )}
    </>
  );
}
