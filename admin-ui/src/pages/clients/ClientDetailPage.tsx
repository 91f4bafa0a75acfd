import { useCallback, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useLocation, useParams } from 'react-router-dom';
import { Box, Button, Stack, Typography } from '@mui/material';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import PlayIcon from '@mui/icons-material/PlayArrowOutlined';
import { ApiError } from '../../api/http';
import { useSession } from '../../auth/session-context';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../../components/PageState';
import { useClient, useClientFacts } from '../../features/clients/api/client-hooks';
import type { ClientRecord } from '../../features/clients/api/types';
import { ClientAlerts } from '../../features/clients/detail/ClientAlerts';
import { ClientDecisions } from '../../features/clients/detail/ClientDecisions';
import { LoansSection } from '../../features/clients/detail/LoansSection';
import { ProfileSection } from '../../features/clients/detail/ProfileSection';
import { RatioCharts } from '../../features/clients/detail/RatioCharts';
import { RunDecisionDialog } from '../../features/clients/detail/RunDecisionDialog';
import { SegmentHistory } from '../../features/clients/detail/SegmentHistory';
import { StatementsTable } from '../../features/clients/detail/StatementsTable';
import { Section } from '../../features/decisions/detail/Section';
import { Class5Chip } from '../../features/portfolio/chips/Class5Chip';
import { SeverityChip } from '../../features/portfolio/chips/SeverityChip';
import { clientName } from '../../features/portfolio/model/labels';

/** One client: profile, open alerts, ratios over the quarters, statements, loans and collateral, history, decisions. */
export function ClientDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const location = useLocation();
  const back = (location.state as { from?: string } | null)?.from ?? '/clients';
  const client = useClient(id);
  const backLink = (
    <Button component={RouterLink} to={back} startIcon={<ArrowBackIcon />} sx={{ mb: 1 }}>
      {t('clients.detail.back')}
    </Button>
  );
  if (client.status === 'loading') return <LoadingState />;
  if (client.status === 'error') {
    if (client.error instanceof ApiError && client.error.status === 404)
      return (
        <>
          {backLink}
          <EmptyState headingLevel="h1" title={t('clients.detail.notFound')} body={id} />
        </>
      );
    return <ErrorState error={client.error} onRetry={client.reload} />;
  }
  return (
    <>
      {backLink}
      <ClientView client={client.data} />
    </>
  );
}

function ClientView({ client }: { client: ClientRecord }) {
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const facts = useClientFacts(client.id);
  const [running, setRunning] = useState(false);
  const [decided, setDecided] = useState(0);
  const onDecided = useCallback(() => setDecided((n) => n + 1), []);
  const p = client.profile;
  const name = clientName(client.profile, i18n.language);
  return (
    <>
      <PageHeader
        title={name}
        description={name === p.name ? p.nameEn : p.name}
        actions={
          can('decisions:evaluate') && (
            <Button variant="contained" startIcon={<PlayIcon />} onClick={() => setRunning(true)}>
              {t('clients.run.open')}
            </Button>
          )
        }
      />
      <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 2.5 }}>
        <Segment label={t('clients.detail.class5')}>
          <Class5Chip value={client.segments.class5} />
        </Segment>
        <Segment label={t('clients.detail.tier')}>
          <Typography component="span" sx={{ fontWeight: 600 }}>
            {client.segments.tier ?? '—'}
          </Typography>
        </Segment>
        <Segment label={t('clients.detail.riskLevel')}>
          {client.segments.riskLevel ? <SeverityChip severity={client.segments.riskLevel} /> : <Typography component="span">{t('clients.detail.noAlerts')}</Typography>}
        </Segment>
      </Stack>
      <Box sx={{ display: 'grid', gap: 2.5, gridTemplateColumns: 'minmax(0, 1fr)' }}>
        <Section id="client-profile" title={t('clients.detail.profile')}>
          <ProfileSection client={client} />
        </Section>
        <Section
          id="client-alerts"
          title={t('clients.detail.alerts')}
          actions={
            <Button component={RouterLink} to={`/alerts?view=all&clientId=${encodeURIComponent(client.id)}&status=any`} size="small">
              {t('clients.alerts.all')}
            </Button>
          }
        >
          <ClientAlerts clientId={client.id} />
        </Section>
        <Section id="client-ratios" title={t('clients.detail.ratios')}>
          <RatioCharts statements={p.statements ?? []} derived={facts.status === 'ready' ? facts.data.facts : null} />
        </Section>
        <Section id="client-statements" title={t('clients.detail.statements')}>
          <StatementsTable statements={p.statements ?? []} />
        </Section>
        <Section id="client-loans" title={t('clients.detail.loans')}>
          <LoansSection profile={p} />
        </Section>
        <Box sx={{ display: 'grid', gap: 2.5, gridTemplateColumns: { xs: 'minmax(0, 1fr)', xl: 'repeat(2, minmax(0, 1fr))' }, alignItems: 'start' }}>
          <Section id="client-history" title={t('clients.detail.history')}>
            <SegmentHistory clientId={client.id} />
          </Section>
          <Section id="client-decisions" title={t('clients.detail.decisions')}>
            <ClientDecisions clientId={client.id} attempt={decided} />
          </Section>
        </Box>
      </Box>
      <RunDecisionDialog clientId={client.id} open={running} onClose={() => setRunning(false)} onDecided={onDecided} />
    </>
  );
}

function Segment({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
      <Typography variant="body2" color="text.secondary">
        {label}
      </Typography>
      {children}
    </Stack>
  );
}
