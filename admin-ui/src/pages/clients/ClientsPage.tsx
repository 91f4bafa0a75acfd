import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router-dom';
import { Button, Paper, Typography } from '@mui/material';
import BusinessIcon from '@mui/icons-material/BusinessOutlined';
import UploadIcon from '@mui/icons-material/UploadFileOutlined';
import { useSession } from '../../auth/session-context';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../../components/PageState';
import { useUrlFilters } from '../../components/filters/use-url-filters';
import { useClientAggregates, useClientList } from '../../features/clients/api/client-hooks';
import { ClientFilterBar } from '../../features/clients/list/ClientFilterBar';
import { ClientTable } from '../../features/clients/list/ClientTable';
import { activeClientFilterCount, clientFiltersFromSearch, EMPTY_CLIENT_FILTERS, searchFromClientFilters } from '../../features/clients/model/client-filters';
import { LoadMore } from '../../components/LoadMore';

/** The client register: search by name or USCC, filters in the address, pages by cursor. */
export function ClientsPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const { filters, apply } = useUrlFilters(clientFiltersFromSearch, searchFromClientFilters);
  const { state, loadMore, reload } = useClientList(filters);
  const aggregates = useClientAggregates();
  const tiers = aggregates.status === 'ready' ? aggregates.data.byTier.map((b) => b.key).filter((k): k is string => k !== null) : [];
  const filtered = activeClientFilterCount(filters) > 0;

  return (
    <>
      <PageHeader
        title={t('pages.clients.title')}
        description={t('pages.clients.description')}
        actions={
          can('clients:write') && (
            <Button component={RouterLink} to="/clients/import" variant="outlined" startIcon={<UploadIcon />}>
              {t('clients.list.import')}
            </Button>
          )
        }
      />
      <ClientFilterBar filters={filters} tiers={tiers} onApply={apply} />
      {state.status === 'loading' && <LoadingState />}
      {state.status === 'error' && <ErrorState error={state.error} onRetry={reload} />}
      {state.status === 'ready' && state.items.length === 0 && (
        <Paper variant="outlined">
          <EmptyState
            icon={<BusinessIcon />}
            title={filtered ? t('clients.list.noMatchTitle') : t('clients.list.emptyTitle')}
            body={filtered ? t('clients.list.noMatchBody') : t('clients.list.emptyBody')}
            action={
              filtered ? (
                <Button onClick={() => apply(EMPTY_CLIENT_FILTERS)}>{t('clients.filters.clear')}</Button>
              ) : can('clients:write') ? (
                <Button component={RouterLink} to="/clients/import" variant="contained">
                  {t('clients.list.import')}
                </Button>
              ) : undefined
            }
          />
        </Paper>
      )}
      {state.status === 'ready' && state.items.length > 0 && (
        <>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }} role="status">
            {state.nextCursor ? t('clients.list.loadedMore', { count: state.items.length }) : t('clients.list.loadedAll', { count: state.items.length })}
          </Typography>
          <ClientTable items={state.items} />
          <LoadMore state={state} onMore={loadMore} label={t('clients.list.loadMore')} />
        </>
      )}
    </>
  );
}
