import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router-dom';
import { Alert as MuiAlert, Button, CircularProgress, Paper, Stack, Tab, Tabs, Typography } from '@mui/material';
import InboxIcon from '@mui/icons-material/NotificationsNoneOutlined';
import MonitoringIcon from '@mui/icons-material/MonitorHeartOutlined';
import { problemMessage } from '../../api/problem-message';
import { useSession } from '../../auth/session-context';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../../components/PageState';
import { useUrlFilters } from '../../components/filters/use-url-filters';
import { acknowledgeMany, useAlertList } from '../../features/alerts/api/alert-hooks';
import type { BulkResult } from '../../features/alerts/api/types';
import { AlertFilterBar } from '../../features/alerts/list/AlertFilterBar';
import { AlertTable } from '../../features/alerts/list/AlertTable';
import { MyCodeForm } from '../../features/alerts/list/MyCodeForm';
import { alertFiltersFromSearch, alertListPath, isFiltered, searchFromAlertFilters, type AlertFilters } from '../../features/alerts/model/alert-filters';
import { useMyOwnerCode } from '../../features/alerts/model/use-my-code';
import { useNow } from '../../features/alerts/model/use-now';
import { LoadMore } from '../../components/LoadMore';

/** The alerts inbox: mine or all, filters in the address, SLA countdowns, bulk acknowledgement. */
export function AlertsPage() {
  const { t } = useTranslation();
  const { state: session, can } = useSession();
  const user = session.status === 'signed-in' ? session.session.user : null;
  // The account's RM code when an administrator set one; otherwise a code entered here, remembered by this browser.
  const { code: myCode, fromAccount, setBrowserCode } = useMyOwnerCode(user);
  const [editingCode, setEditingCode] = useState(false);
  const { filters, apply: applyFilters } = useUrlFilters(alertFiltersFromSearch, searchFromAlertFilters);
  const path = alertListPath(filters, myCode);
  const { state, loadMore, reload } = useAlertList(path);
  const now = useNow();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [bulk, setBulk] = useState<{ busy: boolean; result?: BulkResult; error?: unknown }>({ busy: false });
  const writer = can('alerts:write');

  const apply = (next: AlertFilters) => {
    setSelected(new Set()); // a selection made under other filters may hold rows no longer shown
    applyFilters(next);
  };
  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const toggleAll = (ids: string[], on: boolean) => setSelected(on ? new Set(ids) : new Set());
  const acknowledge = async () => {
    setBulk({ busy: true });
    try {
      const result = await acknowledgeMany([...selected]);
      setBulk({ busy: false, result });
      setSelected(new Set());
      reload();
    } catch (error) {
      setBulk({ busy: false, error });
    }
  };

  const needsCode = filters.view === 'mine' && (!myCode || (editingCode && !fromAccount));
  return (
    <>
      <PageHeader
        title={t('pages.alerts.title')}
        description={t('pages.alerts.description')}
        actions={
          <Button component={RouterLink} to="/monitoring" variant="outlined" startIcon={<MonitoringIcon />}>
            {t('alerts.monitoring')}
          </Button>
        }
      />
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', borderBottom: 1, borderColor: 'divider', mb: 2, flexWrap: 'wrap' }}>
        <Tabs value={filters.view} onChange={(_e, view) => apply({ ...filters, view })} aria-label={t('alerts.views.label')}>
          <Tab value="mine" label={myCode ? t('alerts.views.mineWithCode', { code: myCode }) : t('alerts.views.mine')} />
          <Tab value="all" label={t('alerts.views.all')} />
        </Tabs>
        {filters.view === 'mine' && myCode && !fromAccount && !editingCode && (
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            <Typography variant="caption" color="text.secondary">
              {t('alerts.mine.browserCode')}
            </Typography>
            <Button size="small" onClick={() => setEditingCode(true)}>
              {t('alerts.mine.change')}
            </Button>
          </Stack>
        )}
      </Stack>
      {needsCode ? (
        <Paper variant="outlined" sx={{ p: 3 }}>
          <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
            {t('alerts.mine.title')}
          </Typography>
          <MyCodeForm
            initial={myCode}
            onSave={(code) => {
              setBrowserCode(code);
              setEditingCode(false);
            }}
            onCancel={myCode ? () => setEditingCode(false) : () => apply({ ...filters, view: 'all' })}
          />
        </Paper>
      ) : (
        <>
          <AlertFilterBar filters={filters} onApply={apply} />
          {bulk.result && (
            <MuiAlert severity={bulk.result.skipped.length ? 'warning' : 'success'} sx={{ mb: 2 }} onClose={() => setBulk({ busy: false })} role="status">
              {t('alerts.bulk.done', { count: bulk.result.acknowledged.length })}
              {bulk.result.skipped.length > 0 && ` ${t('alerts.bulk.skipped', { count: bulk.result.skipped.length })}`}
              {bulk.result.skipped.slice(0, 5).map((s) => (
                <Typography key={s.id} variant="body2" sx={{ fontFamily: 'monospace' }}>
                  {s.id}: {s.message}
                </Typography>
              ))}
            </MuiAlert>
          )}
          {bulk.error != null && (
            <MuiAlert severity="error" sx={{ mb: 2 }} onClose={() => setBulk({ busy: false })}>
              {problemMessage(t, bulk.error)}
            </MuiAlert>
          )}
          {state.status === 'loading' && <LoadingState />}
          {state.status === 'error' && <ErrorState error={state.error} onRetry={reload} />}
          {state.status === 'ready' && state.items.length === 0 && (
            <Paper variant="outlined">
              <EmptyState
                icon={<InboxIcon />}
                title={isFiltered(filters) ? t('alerts.list.noMatchTitle') : filters.view === 'mine' ? t('alerts.list.mineEmptyTitle') : t('alerts.list.emptyTitle')}
                body={isFiltered(filters) ? t('alerts.list.noMatchBody') : t('alerts.list.emptyBody')}
              />
            </Paper>
          )}
          {state.status === 'ready' && state.items.length > 0 && (
            <>
              <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 1, minHeight: 36 }}>
                <Typography variant="body2" color="text.secondary" role="status">
                  {state.nextCursor ? t('alerts.list.loadedMore', { count: state.items.length }) : t('alerts.list.loadedAll', { count: state.items.length })}
                </Typography>
                {writer && (
                  <Button variant="contained" size="small" disabled={selected.size === 0 || bulk.busy} onClick={acknowledge}>
                    {t('alerts.bulk.acknowledge', { count: selected.size })}
                  </Button>
                )}
                {bulk.busy && <CircularProgress size={18} aria-label={t('pageState.loading')} />}
              </Stack>
              <AlertTable items={state.items} now={now} selected={writer ? selected : undefined} onToggle={writer ? toggle : undefined} onToggleAll={writer ? toggleAll : undefined} />
              <LoadMore state={state} onMore={loadMore} label={t('alerts.list.loadMore')} />
            </>
          )}
        </>
      )}
    </>
  );
}
