import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useLocation, useParams } from 'react-router-dom';
import { Alert, Box, Button, Link, Stack, Typography } from '@mui/material';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import SearchOffIcon from '@mui/icons-material/SearchOffOutlined';
import { ApiError } from '../../api/http';
import { ExplanationTree } from '../../components/explanation/ExplanationTree';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../../components/PageState';
import { useDecision, useFactCatalog, useReplay, useVersionOutputs } from '../../features/decisions/api/decision-hooks';
import type { DecisionRecord, OutputSpec } from '../../features/decisions/api/types';
import { FiredRules } from '../../features/decisions/detail/FiredRules';
import { ReplayPanel } from '../../features/decisions/detail/ReplayPanel';
import { Facts, Section } from '../../features/decisions/detail/Section';
import { ValuesTable } from '../../features/decisions/detail/ValuesTable';
import { catalogPresenter } from '../../features/decisions/model/fact-presenter';
import { actorKindText, actorText } from '../../components/format/actor-text';
import { formatDateTime } from '../../components/format/date-time';
import { latencyText } from '../../features/decisions/model/format';
import { outputText } from '../../components/format/reason-text';
import { OutcomeChip } from '../../features/decisions/table/OutcomeChip';

/** One logged decision: what was asked, what came out, why, and whether it replays the same today. */
export function DecisionDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const location = useLocation();
  const backTo = (location.state as { from?: string } | null)?.from ?? '/decisions';
  const decision = useDecision(id);
  const back = (
    <Button component={RouterLink} to={backTo} startIcon={<ArrowBackIcon />}>
      {t('decisions.detail.back')}
    </Button>
  );
  if (decision.status === 'loading') return <LoadingState />;
  if (decision.status === 'error') {
    if (decision.error instanceof ApiError && decision.error.status === 404)
      return <EmptyState headingLevel="h1" icon={<SearchOffIcon />} title={t('decisions.detail.notFoundTitle')} body={t('decisions.detail.notFoundBody', { id })} action={back} />;
    return (
      <>
        <PageHeader title={t('decisions.detail.title', { id })} actions={back} />
        <ErrorState error={decision.error} onRetry={decision.reload} />
      </>
    );
  }
  return <DecisionDetail record={decision.data} back={back} />;
}

function DecisionDetail({ record, back }: { record: DecisionRecord; back: ReactNode }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const catalog = useFactCatalog();
  const present = useMemo(() => catalogPresenter(catalog, lang, t), [catalog, lang, t]);
  const outputSpecs = useVersionOutputs(record.ruleSet.key, record.ruleSet.version);
  const replay = useReplay(record.id);
  // Without a logged trace, the replay with the same version gives the explanation (it reproduces the decision).
  const runReplay = () => replay.run(!record.trace);
  const replayTrace = replay.state.status === 'done' && replay.state.replay.sameVersion.reproduced ? replay.state.replay.sameVersion.trace : undefined;
  const outputRow = (name: string, value: unknown, spec: OutputSpec | undefined) => ({
    name,
    label: spec?.description ? ((lang.startsWith('zh') ? spec.description.zh : spec.description.en) ?? undefined) : undefined,
    value: typeof value === 'number' && spec?.unit ? `${outputText(value, lang)} ${t(`decisions.units.${spec.unit}`, { defaultValue: spec.unit })}` : outputText(value, lang),
  });
  const factRows = (facts: Record<string, unknown>) =>
    Object.entries(facts).map(([name, value]) => ({ name, label: present.label(name), value: present.format(name, value) }));

  return (
    <>
      <PageHeader title={t('decisions.detail.title', { id: record.id })} description={t('decisions.detail.description')} actions={back} />
      <Stack spacing={2.5}>
        <Section id="decision-summary" title={t('decisions.detail.summary')} actions={<OutcomeChip outcome={record.outcome} />}>
          <Facts
            items={[
              { term: t('decisions.detail.ruleSet'), value: <Link component={RouterLink} to={`/rule-sets/${encodeURIComponent(record.ruleSet.key)}`}>{record.ruleSet.key}</Link> },
              { term: t('decisions.detail.version'), value: `v${record.ruleSet.version}` },
              { term: t('decisions.detail.contentHash'), value: record.ruleSet.contentHash, mono: true },
              { term: t('decisions.detail.evaluatedAt'), value: formatDateTime(record.evaluatedAt, lang, true) },
              { term: t('decisions.detail.asOf'), value: record.asOf },
              { term: t('decisions.detail.latency'), value: latencyText(record.latencyMs, lang) },
              { term: t('decisions.detail.caller'), value: `${actorText(t, record.caller)} (${actorKindText(t, record.caller)} ${record.caller.id})` },
              { term: t('decisions.detail.client'), value: record.clientId ?? '—', mono: Boolean(record.clientId) },
              { term: t('decisions.detail.requestId'), value: record.requestId, mono: true },
              ...(record.idempotencyKey ? [{ term: t('decisions.detail.idempotencyKey'), value: record.idempotencyKey, mono: true }] : []),
              ...(record.batchIndex !== null ? [{ term: t('decisions.detail.batch'), value: `#${record.batchIndex}${record.ref ? ` · ${record.ref}` : ''}` }] : []),
            ]}
          />
          {record.warnings?.length ? (
            <Alert severity="warning" sx={{ mt: 2 }}>
              {record.warnings.map((w, i) => (
                <div key={i}>{w.message}</div>
              ))}
            </Alert>
          ) : null}
        </Section>
        <Box sx={{ display: 'grid', gap: 2.5, gridTemplateColumns: { xs: '1fr', xl: '1fr 1fr' } }}>
          <Section id="decision-outputs" title={t('decisions.detail.outputs')}>
            <ValuesTable
              label={t('decisions.detail.outputs')}
              emptyText={t('decisions.detail.none')}
              rows={Object.entries(record.outputs).map(([name, value]) => outputRow(name, value, outputSpecs?.[name]))}
            />
          </Section>
          <Section id="decision-fired" title={t('decisions.detail.firedRulesCount', { count: record.firedRules.length })}>
            <FiredRules rules={record.firedRules} />
          </Section>
        </Box>
        <Section id="decision-replay" title={t('decisions.replay.title')}>
          <ReplayPanel state={replay.state} onRun={runReplay} />
        </Section>
        <Section id="decision-explanation" title={t('decisions.explanation.title')}>
          {record.trace ? (
            <ExplanationTree trace={record.trace} present={present} />
          ) : replayTrace ? (
            <>
              <Alert severity="info" sx={{ mb: 1.5 }}>
                {t('decisions.explanation.fromReplay')}
              </Alert>
              <ExplanationTree trace={replayTrace} present={present} />
            </>
          ) : (
            <Typography color="text.secondary">{t('decisions.explanation.noTrace')}</Typography>
          )}
        </Section>
        <Box sx={{ display: 'grid', gap: 2.5, gridTemplateColumns: { xs: '1fr', xl: '1fr 1fr' } }}>
          <Section id="decision-facts" title={t('decisions.detail.factsReceived', { count: Object.keys(record.facts).length })}>
            <ValuesTable label={t('decisions.detail.factsReceived', { count: Object.keys(record.facts).length })} emptyText={t('decisions.detail.none')} rows={factRows(record.facts)} />
          </Section>
          <Section id="decision-derived" title={t('decisions.detail.derivedFacts', { count: Object.keys(record.derivedFacts).length })}>
            <ValuesTable label={t('decisions.detail.derivedFacts', { count: Object.keys(record.derivedFacts).length })} emptyText={t('decisions.detail.noDerived')} rows={factRows(record.derivedFacts)} />
          </Section>
        </Box>
      </Stack>
    </>
  );
}
