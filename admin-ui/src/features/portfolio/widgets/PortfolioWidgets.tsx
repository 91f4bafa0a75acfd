import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router-dom';
import { Box, Button } from '@mui/material';
import { useSession } from '../../../auth/session-context';
import { Section } from '../../decisions/detail/Section';
import { useAggregates } from '../api/portfolio-hooks';
import { AlertsBySeverity } from './AlertsBySeverity';
import { ApprovalRateTrend } from './ApprovalRateTrend';
import { ClientsBySegment } from './ClientsBySegment';
import { Concentration } from './Concentration';
import { MyOverdueAlerts } from './MyOverdueAlerts';
import { WidgetBody } from './Widget';

const two = { display: 'grid', gap: 2.5, alignItems: 'start', gridTemplateColumns: { xs: 'minmax(0, 1fr)', lg: 'repeat(2, minmax(0, 1fr))' } } as const;

/**
 * The portfolio half of the dashboard, for the morning look: my overdue alerts and the open alerts by severity
 * first, then the approval-rate trend, the book by class and tier, and where the exposure is concentrated. Each
 * widget appears only for a user allowed to read what it shows.
 */
export function PortfolioWidgets() {
  const { t } = useTranslation();
  const { state, can } = useSession();
  const user = state.status === 'signed-in' ? state.session.user : null;
  const alerts = can('alerts:read');
  const clients = can('clients:read');
  const decisions = can('decisions:read');
  return (
    <>
      {alerts && (
        <Box sx={two}>
          <Section
            id="dash-my-overdue"
            title={t('portfolio.widgets.overdue.title')}
            actions={
              <Button component={RouterLink} to="/alerts" size="small">
                {t('portfolio.widgets.openInbox')}
              </Button>
            }
          >
            <MyOverdueAlerts user={user} />
          </Section>
          <Section
            id="dash-alerts"
            title={t('portfolio.widgets.alerts.title')}
            actions={
              <Button component={RouterLink} to="/monitoring" size="small">
                {t('portfolio.widgets.monitoring')}
              </Button>
            }
          >
            <AlertsBySeverity />
          </Section>
        </Box>
      )}
      {decisions && (
        <Section id="dash-approval-rate" title={t('portfolio.widgets.trend.heading')}>
          <ApprovalRateTrend />
        </Section>
      )}
      {clients && <ClientWidgets />}
    </>
  );
}

function ClientWidgets() {
  const { t } = useTranslation();
  const aggregates = useAggregates();
  return (
    <>
      <Section
        id="dash-segments"
        title={t('portfolio.widgets.segments.title')}
        actions={
          <Button component={RouterLink} to="/clients" size="small">
            {t('portfolio.widgets.openClients')}
          </Button>
        }
      >
        <WidgetBody state={aggregates} reload={aggregates.reload}>
          {(data) => <ClientsBySegment aggregates={data} />}
        </WidgetBody>
      </Section>
      <Section id="dash-concentration" title={t('portfolio.widgets.concentration.title')}>
        <WidgetBody state={aggregates} reload={aggregates.reload}>
          {(data) => <Concentration aggregates={data} />}
        </WidgetBody>
      </Section>
    </>
  );
}
