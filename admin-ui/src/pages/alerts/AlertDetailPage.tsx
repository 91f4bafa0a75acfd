import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useLocation, useParams } from 'react-router-dom';
import { Box, Button, Link, List, ListItem, Stack, Typography } from '@mui/material';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import { ApiError } from '../../api/http';
import { useSession } from '../../auth/session-context';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../../components/PageState';
import { useAlert } from '../../features/alerts/api/alert-hooks';
import { isActive, text, type Alert, type AlertNote } from '../../features/alerts/api/types';
import { AlertActions } from '../../features/alerts/detail/AlertActions';
import { AlertNotes } from '../../features/alerts/detail/AlertNotes';
import { StepDialog, type CommentStep } from '../../features/alerts/detail/StepDialog';
import { AlertStatusChip } from '../../features/alerts/list/AlertStatusChip';
import { SlaCountdown } from '../../features/alerts/list/SlaCountdown';
import { useNow } from '../../features/alerts/model/use-now';
import { Facts, Section } from '../../features/decisions/detail/Section';
import { actorText } from '../../components/format/actor-text';
import { formatDateTime } from '../../components/format/date-time';
import { SeverityChip } from '../../features/portfolio/chips/SeverityChip';

/** One alert: what fired, for whom, by when; the next step; the notes. */
export function AlertDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const location = useLocation();
  const back = (location.state as { from?: string } | null)?.from ?? '/alerts';
  const resource = useAlert(id);
  // Keep showing the alert while it is read again after a step, instead of flashing a spinner.
  const [shown, setShown] = useState<Alert | null>(null);
  const fresh = resource.status === 'ready' ? resource.data : null;
  useEffect(() => {
    if (fresh) setShown(fresh);
  }, [fresh]);
  useEffect(() => setShown(null), [id]);

  const backLink = (
    <Button component={RouterLink} to={back} startIcon={<ArrowBackIcon />} sx={{ mb: 1 }}>
      {t('alerts.detail.back')}
    </Button>
  );
  if (!shown && resource.status === 'loading') return <LoadingState />;
  if (!shown && resource.status === 'error') {
    if (resource.error instanceof ApiError && resource.error.status === 404)
      return (
        <>
          {backLink}
          <EmptyState headingLevel="h1" title={t('alerts.detail.notFound')} body={id} />
        </>
      );
    return <ErrorState error={resource.error} onRetry={resource.reload} />;
  }
  if (!shown) return null;
  return (
    <>
      {backLink}
      <AlertView
        alert={shown}
        onChanged={(a) => {
          // A step's answer may leave the notes out; keep the ones shown until the alert is read again.
          setShown((s) => ({ ...a, notes: a.notes ?? s?.notes }));
          resource.reload();
        }}
        onNote={(note) => setShown((s) => (s ? { ...s, notes: [...(s.notes ?? []), note], noteCount: (s.noteCount ?? s.notes?.length ?? 0) + 1 } : s))}
      />
    </>
  );
}

function AlertView({ alert, onChanged, onNote }: { alert: Alert; onChanged: (a: Alert) => void; onNote: (note: AlertNote) => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { state, can } = useSession();
  const userId = state.status === 'signed-in' ? state.session.user.id : null;
  const now = useNow();
  const [step, setStep] = useState<CommentStep | null>(null);
  const title = `${alert.ruleId} · ${text(alert.title, lang)}`;
  const by = (who: Alert['acknowledgedBy'], at: string | null) => (at ? `${actorText(t, who)} · ${formatDateTime(at, lang)}` : '—');
  return (
    <>
      <PageHeader title={title} description={alert.clientName} />
      <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 2.5 }}>
        <SeverityChip severity={alert.severity} size="medium" />
        <AlertStatusChip alert={alert} />
        <SlaCountdown dueAt={alert.dueAt} active={isActive(alert.status)} now={now} compact />
      </Stack>
      {can('alerts:write') && isActive(alert.status) && (
        <Box sx={{ mb: 2.5 }}>
          <AlertActions alert={alert} userId={userId} onChanged={onChanged} onStep={setStep} />
        </Box>
      )}
      <Box sx={{ display: 'grid', gap: 2.5, gridTemplateColumns: { xs: 'minmax(0, 1fr)', lg: 'minmax(0, 3fr) minmax(0, 2fr)' }, alignItems: 'start' }}>
        <Box sx={{ display: 'grid', gap: 2.5, minWidth: 0, gridTemplateColumns: 'minmax(0, 1fr)' }}>
          <Section id="alert-details" title={t('alerts.detail.details')}>
            <Facts
              items={[
                {
                  term: t('alerts.detail.client'),
                  value: (
                    <Link component={RouterLink} to={`/clients/${encodeURIComponent(alert.clientId)}`}>
                      {alert.clientName}
                    </Link>
                  ),
                },
                { term: t('alerts.detail.owner'), value: alert.owner ?? '—', mono: true },
                { term: t('alerts.detail.rule'), value: alert.rule, mono: true },
                { term: t('alerts.detail.ruleSet'), value: `${alert.ruleSet.key}@${alert.ruleSet.version}`, mono: true },
                { term: t('alerts.detail.opened'), value: formatDateTime(alert.openedAt, lang) },
                { term: t('alerts.detail.lastSeen'), value: `${formatDateTime(alert.lastSeenAt, lang)} · ${alert.stillFiring ? t('alerts.detail.stillFiring') : t('alerts.detail.notFiring')}` },
                {
                  term: t('alerts.detail.source'),
                  value: alert.source.scanId ? (
                    <Link component={RouterLink} to={`/monitoring?scan=${encodeURIComponent(alert.source.scanId)}`} sx={{ fontFamily: 'monospace' }}>
                      {alert.source.scanId}
                    </Link>
                  ) : (
                    (alert.source.change ?? '—')
                  ),
                },
                { term: t('alerts.detail.acknowledged'), value: by(alert.acknowledgedBy, alert.acknowledgedAt) },
                { term: t('alerts.detail.started'), value: by(alert.startedBy, alert.startedAt) },
                { term: t('alerts.detail.closed'), value: by(alert.closedBy, alert.closedAt) },
              ]}
            />
            {alert.closingComment && (
              <Typography sx={{ mt: 2, whiteSpace: 'pre-wrap' }}>
                <strong>{t('alerts.detail.closingComment')}</strong> {alert.closingComment}
              </Typography>
            )}
          </Section>
          <Section id="alert-notes" title={t('alerts.notes.title', { count: alert.notes?.length ?? alert.noteCount ?? 0 })}>
            <AlertNotes alertId={alert.id} notes={alert.notes ?? []} canWrite={can('alerts:write')} onAdded={onNote} />
          </Section>
        </Box>
        <Section id="alert-actions" title={t('alerts.detail.recommended')}>
          {alert.actions.length === 0 ? (
            <Typography color="text.secondary">{t('alerts.detail.noActions')}</Typography>
          ) : (
            <List dense disablePadding sx={{ listStyle: 'decimal', pl: 2.5 }}>
              {alert.actions.map((a) => (
                <ListItem key={a.code} sx={{ display: 'list-item', px: 0 }}>
                  {text(a, lang)}
                </ListItem>
              ))}
            </List>
          )}
        </Section>
      </Box>
      <StepDialog
        step={step}
        alert={alert}
        userId={userId}
        onClose={() => setStep(null)}
        onDone={(a) => {
          setStep(null);
          onChanged(a);
        }}
      />
    </>
  );
}
