import { useCallback, useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, Navigate, useNavigate, useParams } from 'react-router-dom';
import { Box, Breadcrumbs, Button, Link, Stack, Tab, Tabs, Typography } from '@mui/material';
import SearchOffIcon from '@mui/icons-material/SearchOff';
import { ApiError } from '../../../api/http';
import { useSession } from '../../../auth/session-context';
import { PageHeader } from '../../../components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../../../components/PageState';
import { useFactCatalog } from '../../../features/rule-sets/api/fact-catalog-hook';
import { usePublishCheck, useRuleSetDetail, useStaticAnalysis } from '../../../features/rule-sets/api/rule-set-hooks';
import type { PointerProblem, RuleSetVersion } from '../../../features/rule-sets/api/types';
import { StatusChip } from '../../../features/rule-sets/components/StatusChip';
import { useRuleSetEditor } from '../../../features/rule-sets/editor/useRuleSetEditor';
import { buildFactIndex, pick } from '../../../features/rule-sets/model/fact-catalog';
import { fromServer } from '../../../features/rule-sets/model/issues';
import { ruleSetHref, VERSION_TABS, versionHref, type VersionTab } from '../rule-set-links';
import { ApprovalPanel } from './approval/ApprovalPanel';
import { ConsoleTab } from './ConsoleTab';
import { DiffTab } from './DiffTab';
import { EditorTab } from './EditorTab';
import { LeaveGuard } from './LeaveGuard';
import { NewDraftButton } from './NewDraftButton';
import { SaveBar } from './SaveBar';
import { TestsTab } from './TestsTab';
import type { VersionContext } from './version-context';

const dedupe = (list: PointerProblem[]) => [...new Map(list.map((p) => [`${p.pointer}|${p.message}`, p])).values()];

/**
 * One version of a rule set: the approval panel, and tabs for the editor, the test console, the test cases and the
 * diff, each at its own address (…/versions/3/console) so a reload or a shared link lands on the same tab. The
 * editor's state lives here, so every tab works on the same draft and nothing is lost moving between them.
 */
export function VersionPage() {
  const { t, i18n } = useTranslation();
  const params = useParams();
  const key = params.key ?? '';
  const n = Number(params.version);
  const tab = (params.tab ?? 'editor') as VersionTab;
  const { can } = useSession();
  const navigate = useNavigate();
  const editor = useRuleSetEditor(key, n, can('rules:write'));
  const detail = useRuleSetDetail(key);
  const revision = editor.base?.revision ?? null;
  const check = usePublishCheck(key, n, revision);
  const analysis = useStaticAnalysis(key, n, revision);
  const { catalog } = useFactCatalog();
  const facts = useMemo(() => buildFactIndex(catalog, editor.doc ?? undefined), [catalog, editor.doc]);
  const { base, setSavedProblems } = editor;
  const reloadDetail = detail.reload;

  // Static-check and publish-check findings of the saved version appear at their place in the editor.
  const report = check.status === 'ready' ? check.data : null;
  const analysed = analysis.status === 'ready' ? analysis.data : null;
  useEffect(() => {
    if (!base) return;
    const errors = dedupe([...(analysed?.errors ?? []), ...(report?.errors ?? [])].filter((p) => !p.pointer.startsWith('/tests')));
    const warnings = dedupe([...(analysed?.warnings ?? []), ...(report?.warnings ?? [])].filter((p) => p.pointer !== '/tests'));
    setSavedProblems([...fromServer(errors, base.document, 'analysis', 'error'), ...fromServer(warnings, base.document, 'analysis', 'warning')]);
  }, [base, report, analysed, setSavedProblems]);

  const onShow = useCallback(
    (pointer: string) => {
      const test = /^\/tests\/(\d+)/.exec(pointer);
      if (test) navigate(versionHref(key, n, 'tests', `?test=${test[1]}`));
      else navigate(versionHref(key, n, 'editor', `?at=${encodeURIComponent(pointer)}`));
    },
    [navigate, key, n],
  );
  const onChanged = useCallback(
    (v: RuleSetVersion) => {
      editor.adopt(v);
      reloadDetail();
    },
    [editor, reloadDetail],
  );

  if (!VERSION_TABS.includes(tab)) return <Navigate to={versionHref(key, n)} replace />;
  if (editor.loadError) {
    if (editor.loadError instanceof ApiError && editor.loadError.status === 404)
      return (
        <EmptyState
          headingLevel="h1"
          icon={<SearchOffIcon />}
          title={t('ruleSets.version.notFound', { key, version: params.version })}
          action={
            <Button component={RouterLink} to={ruleSetHref(key)}>
              {t('ruleSets.version.backToRuleSet')}
            </Button>
          }
        />
      );
    return <ErrorState error={editor.loadError} onRetry={editor.reload} />;
  }
  if (!base || !editor.doc) return <LoadingState />;

  const ctx: VersionContext = { key, version: n, editor, facts, detail: detail.status === 'ready' ? detail.data : null, onShow };
  const name = pick(base.document.name, i18n.language);
  return (
    <>
      <LeaveGuard dirty={editor.dirty} within={`/rule-sets/${encodeURIComponent(key)}/versions/${n}`} />
      <Breadcrumbs sx={{ mb: 1 }} aria-label={t('ruleSets.common.breadcrumbs')}>
        <Link component={RouterLink} to="/rule-sets">
          {t('pages.ruleSets.title')}
        </Link>
        <Link component={RouterLink} to={ruleSetHref(key)}>
          {key}
        </Link>
        <Typography color="text.primary">{t('ruleSets.common.versionN', { version: n })}</Typography>
      </Breadcrumbs>
      <PageHeader
        title={t('ruleSets.version.title', { name, version: n })}
        description={t('ruleSets.version.subtitle', { key, family: t(`ruleSets.family.${base.family}`), revision: base.revision })}
        actions={
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexShrink: 0 }}>
            {base.status !== 'draft' && can('rules:write') && <NewDraftButton ruleSetKey={key} from={n} />}
            <StatusChip status={base.status} size="medium" />
          </Stack>
        }
      />
      <ApprovalPanel version={base} detail={ctx.detail} dirty={editor.dirty} check={check} onChanged={onChanged} onShow={onShow} />
      {editor.editable && <SaveBar editor={editor} />}
      <Box sx={{ borderBottom: 1, borderColor: 'divider', mb: 2 }}>
        <Tabs value={tab} aria-label={t('ruleSets.version.tabsLabel')}>
          {VERSION_TABS.map((name) => (
            <Tab key={name} value={name} label={t(`ruleSets.version.tabs.${name}`)} component={RouterLink} to={versionHref(key, n, name)} />
          ))}
        </Tabs>
      </Box>
      {tab === 'editor' && <EditorTab ctx={ctx} />}
      {tab === 'console' && <ConsoleTab ctx={ctx} />}
      {tab === 'tests' && <TestsTab ctx={ctx} />}
      {tab === 'diff' && <DiffTab ctx={ctx} />}
    </>
  );
}
