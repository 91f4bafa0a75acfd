import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate, useParams } from 'react-router-dom';
import { Alert, Box, Breadcrumbs, Button, Link, Stack, Typography } from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import SearchOffIcon from '@mui/icons-material/SearchOff';
import { ApiError } from '../../../api/http';
import { problemMessage } from '../../../api/problem-message';
import { useSession } from '../../../auth/session-context';
import { PageHeader } from '../../../components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../../../components/PageState';
import { ruleSetApi } from '../../../features/rule-sets/api/rule-set-api';
import { useRuleSetDetail } from '../../../features/rule-sets/api/rule-set-hooks';
import { pick } from '../../../features/rule-sets/model/fact-catalog';
import { ImportButton } from '../ImportButton';
import { versionHref } from '../rule-set-links';
import { AuditTrail } from './AuditTrail';
import { VersionTimeline } from './VersionTimeline';

/** One rule set: its version timeline, a new draft from the active version, import, and the audit trail. */
export function RuleSetDetailPage() {
  const { t, i18n } = useTranslation();
  const { key = '' } = useParams();
  const { can } = useSession();
  const navigate = useNavigate();
  const detail = useRuleSetDetail(key);
  const [creating, setCreating] = useState(false);
  const [createError, setCreateError] = useState<unknown>(null);

  if (detail.status === 'loading') return <LoadingState />;
  if (detail.status === 'error') {
    if (detail.error instanceof ApiError && detail.error.status === 404)
      return <EmptyState headingLevel="h1" icon={<SearchOffIcon />} title={t('ruleSets.detail.notFound', { key })} action={<Button component={RouterLink} to="/rule-sets">{t('ruleSets.common.backToList')}</Button>} />;
    return <ErrorState error={detail.error} onRetry={detail.reload} />;
  }
  const rs = detail.data;
  const source = rs.active?.version ?? rs.latestVersion;

  const newDraft = async () => {
    setCreating(true);
    setCreateError(null);
    try {
      const created = await ruleSetApi.createDraftFrom(key, source);
      navigate(versionHref(key, created.version));
    } catch (error) {
      setCreateError(error);
      setCreating(false);
    }
  };

  return (
    <>
      <Breadcrumbs sx={{ mb: 1 }} aria-label={t('ruleSets.common.breadcrumbs')}>
        <Link component={RouterLink} to="/rule-sets">
          {t('pages.ruleSets.title')}
        </Link>
        <Typography color="text.primary">{rs.key}</Typography>
      </Breadcrumbs>
      <PageHeader
        title={pick(rs.name, i18n.language)}
        description={`${rs.key} · ${t(`ruleSets.family.${rs.family}`)}`}
        actions={
          <Stack direction="row" spacing={1} sx={{ flexShrink: 0 }}>
            {rs.active && (
              <Button component={RouterLink} to={versionHref(key, rs.active.version, 'console')}>
                {t('ruleSets.detail.tryActive')}
              </Button>
            )}
            {can('rules:write') && <ImportButton />}
            {can('rules:write') && (
              <Button variant="contained" startIcon={<AddIcon />} disabled={creating} onClick={() => void newDraft()}>
                {rs.active ? t('ruleSets.detail.newDraftFromActive', { version: source }) : t('ruleSets.detail.newDraftFromLatest', { version: source })}
              </Button>
            )}
          </Stack>
        }
      />
      {createError != null && (
        <Alert severity="error" sx={{ mb: 2 }} role="alert">
          {problemMessage(t, createError)}
        </Alert>
      )}
      <Box component="section" aria-labelledby="versions-heading" sx={{ mb: 4 }}>
        <Typography variant="h5" component="h2" id="versions-heading" sx={{ mb: 1.5 }}>
          {t('ruleSets.detail.versions')}
        </Typography>
        <VersionTimeline ruleSetKey={key} versions={rs.versions} activeVersion={rs.active?.version ?? null} />
      </Box>
      {can('audit:read') && (
        <Box component="section" aria-labelledby="audit-heading">
          <Typography variant="h5" component="h2" id="audit-heading" sx={{ mb: 1.5 }}>
            {t('ruleSets.audit.heading')}
          </Typography>
          <AuditTrail ruleSetKey={key} />
        </Box>
      )}
    </>
  );
}
