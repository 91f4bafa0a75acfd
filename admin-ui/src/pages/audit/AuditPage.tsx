import { useTranslation } from 'react-i18next';
import { Alert, Button, Paper, Stack, Typography } from '@mui/material';
import HistoryIcon from '@mui/icons-material/ManageSearchOutlined';
import { problemMessage } from '../../api/problem-message';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../../components/PageState';
import { useUrlFilters } from '../../components/filters/use-url-filters';
import { AuditEventList } from '../../features/audit/AuditEventList';
import { AuditFilterBar } from '../../features/audit/AuditFilterBar';
import { auditFiltersFromSearch, auditListPath, EMPTY_AUDIT_FILTERS, searchFromAuditFilters } from '../../features/audit/audit-filters';
import type { AuditEvent } from '../../features/audit/types';
import { useCursorPages } from '../../api/use-cursor-pages';

/** The audit trail: who changed what and when, before → after; filters in the address, "load more" by cursor. */
export function AuditPage() {
  const { t } = useTranslation();
  const { filters, apply, query } = useUrlFilters(auditFiltersFromSearch, searchFromAuditFilters);
  const { state, loadMore, reload } = useCursorPages<AuditEvent>(auditListPath(filters));
  const filtered = query !== '';
  return (
    <>
      <PageHeader title={t('pages.audit.title')} description={t('pages.audit.description')} />
      <AuditFilterBar filters={filters} onApply={apply} />
      {state.status === 'loading' && <LoadingState />}
      {state.status === 'error' && <ErrorState error={state.error} onRetry={reload} />}
      {state.status === 'ready' && state.items.length === 0 && (
        <Paper variant="outlined">
          <EmptyState
            icon={<HistoryIcon />}
            title={filtered ? t('audit.noMatchTitle') : t('audit.emptyTitle')}
            body={filtered ? t('audit.noMatchBody') : t('audit.emptyBody')}
            action={filtered ? <Button onClick={() => apply(EMPTY_AUDIT_FILTERS)}>{t('audit.filters.clear')}</Button> : undefined}
          />
        </Paper>
      )}
      {state.status === 'ready' && state.items.length > 0 && (
        <>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }} role="status">
            {t(state.nextCursor ? 'audit.shownMore' : 'audit.shownAll', { count: state.items.length })}
          </Typography>
          <AuditEventList events={state.items} />
          {state.moreError != null && (
            <Alert severity="error" sx={{ mt: 1 }}>
              {problemMessage(t, state.moreError)}
            </Alert>
          )}
          {state.nextCursor && (
            <Stack direction="row" sx={{ justifyContent: 'center', mt: 1.5 }}>
              <Button variant="outlined" onClick={loadMore} disabled={state.loadingMore}>
                {state.loadingMore ? t('pageState.loading') : t('audit.loadMore')}
              </Button>
            </Stack>
          )}
        </>
      )}
    </>
  );
}
