import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router-dom';
import { Box, Button, Typography } from '@mui/material';
import { useSession } from '../../auth/session-context';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../../components/PageState';
import { Section } from '../../features/decisions/detail/Section';
import { AwaitingApproval } from '../../features/dashboard/AwaitingApproval';
import { DecisionsChart } from '../../features/dashboard/DecisionsChart';
import { RecentActivity } from '../../features/dashboard/RecentActivity';
import { CHART_DAYS, useDailyDecisions } from '../../features/dashboard/use-daily-decisions';
import { PortfolioWidgets } from '../../features/portfolio/widgets/PortfolioWidgets';

function DecisionVolume() {
  const { t } = useTranslation();
  const [attempt, setAttempt] = useState(0);
  const daily = useDailyDecisions(attempt);
  if (daily.status === 'loading') return <LoadingState />;
  if (daily.status === 'error') return <ErrorState error={daily.error} onRetry={() => setAttempt((n) => n + 1)} />;
  if (daily.series.total === 0) return <EmptyState title={t('dashboard.chart.emptyTitle', { days: CHART_DAYS })} body={t('dashboard.chart.emptyBody')} />;
  return (
    <>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {t('dashboard.chart.count', { count: daily.series.total })}
      </Typography>
      <DecisionsChart series={daily.series} />
    </>
  );
}

/** The basics at a glance: decision volume by outcome, versions waiting for me, recent changes. */
export function DashboardPage() {
  const { t } = useTranslation();
  const { state, can } = useSession();
  const userId = state.status === 'signed-in' ? state.session.user.id : null;
  const approver = can('rules:approve') && userId !== null;
  const auditor = can('audit:read');
  return (
    <>
      <PageHeader title={t('pages.dashboard.title')} description={t('pages.dashboard.description')} />
      <Box sx={{ display: 'grid', gap: 2.5 }}>
        <PortfolioWidgets />
        <Section
          id="dash-volume"
          title={t('dashboard.chart.heading', { days: CHART_DAYS })}
          actions={
            <Button component={RouterLink} to="/decisions" size="small">
              {t('dashboard.openLog')}
            </Button>
          }
        >
          <DecisionVolume />
        </Section>
        {(approver || auditor) && (
          <Box sx={{ display: 'grid', gap: 2.5, alignItems: 'start', gridTemplateColumns: { xs: '1fr', lg: approver && auditor ? '1fr 1fr' : '1fr' } }}>
            {approver && userId && (
              <Section id="dash-approvals" title={t('dashboard.approvals.title')}>
                <AwaitingApproval userId={userId} />
              </Section>
            )}
            {auditor && (
              <Section
                id="dash-activity"
                title={t('dashboard.activity.title')}
                actions={
                  <Button component={RouterLink} to="/audit" size="small">
                    {t('dashboard.activity.all')}
                  </Button>
                }
              >
                <RecentActivity />
              </Section>
            )}
          </Box>
        )}
      </Box>
    </>
  );
}
