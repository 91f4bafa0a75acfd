import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Paper, Typography } from '@mui/material';
import GavelIcon from '@mui/icons-material/GavelOutlined';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../../components/PageState';
import { useUrlFilters } from '../../components/filters/use-url-filters';
import { useDecisionLog } from '../../features/decisions/api/decision-hooks';
import { DecisionFilterBar } from '../../features/decisions/filters/DecisionFilterBar';
import { activeFilterCount, EMPTY_FILTERS, filtersFromSearch, searchFromFilters } from '../../features/decisions/model/decision-filters';
import { DecisionTable } from '../../features/decisions/table/DecisionTable';
import { LoadMore } from '../../components/LoadMore';

/** The decision log: filters kept in the address, pages fetched by cursor, rows windowed. */
export function DecisionsPage() {
  const { t } = useTranslation();
  const { filters, apply } = useUrlFilters(filtersFromSearch, searchFromFilters);
  const { state, loadMore, reload } = useDecisionLog(filters);
  const filtered = activeFilterCount(filters) > 0;
  const seenOutcomes = useMemo(
    () => (state.status === 'ready' ? [...new Set(state.items.map((d) => d.outcome).filter((o): o is string => o !== null))].slice(0, 20) : []),
    [state],
  );

  return (
    <>
      <PageHeader title={t('pages.decisions.title')} description={t('pages.decisions.description')} />
      <DecisionFilterBar filters={filters} seenOutcomes={seenOutcomes} onApply={apply} />
      {state.status === 'loading' && <LoadingState />}
      {state.status === 'error' && <ErrorState error={state.error} onRetry={reload} />}
      {state.status === 'ready' && state.items.length === 0 && (
        <Paper variant="outlined">
          <EmptyState
            icon={<GavelIcon />}
            title={filtered ? t('decisions.list.noMatchTitle') : t('decisions.list.emptyTitle')}
            body={filtered ? t('decisions.list.noMatchBody') : t('decisions.list.emptyBody')}
            action={filtered ? <Button onClick={() => apply(EMPTY_FILTERS)}>{t('decisions.filters.clear')}</Button> : undefined}
          />
        </Paper>
      )}
      {state.status === 'ready' && state.items.length > 0 && (
        <>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }} role="status">
            {state.nextCursor ? t('decisions.list.loadedMore', { count: state.items.length }) : t('decisions.list.loadedAll', { count: state.items.length })}
          </Typography>
          <DecisionTable items={state.items} hasMore={Boolean(state.nextCursor)} loadingMore={state.loadingMore} paused={state.moreError != null} onNeedMore={loadMore} />
          <LoadMore state={state} onMore={loadMore} label={t('decisions.list.loadMore')} />
        </>
      )}
    </>
  );
}
