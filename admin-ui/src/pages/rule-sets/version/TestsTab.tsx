import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { Alert, Box, Button, Chip, Paper, Stack, Typography } from '@mui/material';
import PlaylistPlayIcon from '@mui/icons-material/PlaylistPlay';
import ScienceIcon from '@mui/icons-material/ScienceOutlined';
import { problemMessage } from '../../../api/problem-message';
import { EmptyState } from '../../../components/PageState';
import { ruleSetApi } from '../../../features/rule-sets/api/rule-set-api';
import type { TestCase, TestCaseResult, TestRun } from '../../../features/rule-sets/api/types';
import { removeTest } from '../../../features/rule-sets/model/document-edits';
import { factLabel, type FactInfo } from '../../../features/rule-sets/model/fact-catalog';
import { formatValue } from '../../../features/rule-sets/model/units';
import { describeDifference, outputText } from '../../../features/rule-sets/model/test-differences';
import { versionHref } from '../rule-set-links';
import type { VersionContext } from './version-context';

function Expectations({ test, facts }: { test: TestCase; facts: Map<string, FactInfo> }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const given = Object.entries(test.facts ?? {});
  const e = test.expect ?? {};
  return (
    <Stack direction={{ xs: 'column', lg: 'row' }} spacing={3} sx={{ mt: 1 }}>
      <Box sx={{ flex: 1, minWidth: 0 }}>
        <Typography variant="subtitle2" component="h4">
          {t('ruleSets.tests.given', { count: given.length })}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ display: '-webkit-box', WebkitLineClamp: 3, WebkitBoxOrient: 'vertical', overflow: 'hidden' }}>
          {given.map(([name, v]) => `${factLabel(facts.get(name), name, lang)} = ${formatValue(v, facts.get(name), t, lang)}`).join('; ') || '—'}
          {test.asOf && ` · ${t('ruleSets.tests.asOf', { date: test.asOf })}`}
        </Typography>
      </Box>
      <Box sx={{ flex: 1, minWidth: 0 }}>
        <Typography variant="subtitle2" component="h4">
          {t('ruleSets.tests.expected')}
        </Typography>
        <Typography variant="body2" color="text.secondary" component="div">
          {Object.entries(e.outputs ?? {}).map(([k, v]) => (
            <div key={k}>
              {k}: {outputText(v, t, lang)}
            </div>
          ))}
          {e.firedRules && <div>{t('ruleSets.tests.exactlyFired', { rules: e.firedRules.join(', ') || '—' })}</div>}
          {e.fired && <div>{t('ruleSets.tests.atLeastFired', { rules: e.fired.join(', ') })}</div>}
          {e.notFired && <div>{t('ruleSets.tests.notFired', { rules: e.notFired.join(', ') })}</div>}
        </Typography>
      </Box>
    </Stack>
  );
}

/** The test cases of this version: what each gives and expects; run them all and see what differs. */
export function TestsTab({ ctx }: { ctx: VersionContext }) {
  const { t, i18n } = useTranslation();
  const { key, version, editor, facts } = ctx;
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const focus = params.get('test');
  const [running, setRunning] = useState(false);
  const [run, setRun] = useState<TestRun | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [onlyFailing, setOnlyFailing] = useState(false);
  const tests = editor.doc?.tests ?? [];
  const byName = new Map<string, TestCaseResult>(run?.results.map((r) => [r.name, r]) ?? []);

  useEffect(() => {
    if (focus === null) return;
    document.querySelector(`[data-pointer="/tests/${focus}"]`)?.scrollIntoView?.({ block: 'center' });
  }, [focus]);

  const runAll = async () => {
    setRunning(true);
    setError(null);
    try {
      setRun(await ruleSetApi.runTests(key, version));
    } catch (e) {
      setError(e);
    } finally {
      setRunning(false);
    }
  };

  if (!tests.length)
    return (
      <Paper variant="outlined">
        <EmptyState
          icon={<ScienceIcon />}
          title={t('ruleSets.tests.emptyTitle')}
          body={t('ruleSets.tests.emptyBody')}
          action={
            <Button variant="outlined" onClick={() => navigate(versionHref(key, version, 'console'))}>
              {t('ruleSets.tests.openConsole')}
            </Button>
          }
        />
      </Paper>
    );
  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
        <Typography variant="h6" component="h2" sx={{ flex: 1 }}>
          {t('ruleSets.tests.heading', { count: tests.length })}
        </Typography>
        {run && run.failed > 0 && (
          <Button onClick={() => setOnlyFailing((v) => !v)} aria-pressed={onlyFailing}>
            {onlyFailing ? t('ruleSets.tests.showAllTests') : t('ruleSets.tests.onlyFailing')}
          </Button>
        )}
        {run && (
          <Chip color={run.failed ? 'error' : 'success'} label={t('ruleSets.tests.summary', { passed: run.passed, total: run.total })} role="status" />
        )}
        <Button variant="contained" startIcon={<PlaylistPlayIcon />} onClick={() => void runAll()} disabled={running}>
          {running ? t('ruleSets.tests.running') : t('ruleSets.tests.runAll')}
        </Button>
      </Stack>
      {editor.dirty && <Alert severity="info" role="note">{t('ruleSets.tests.runsSaved')}</Alert>}
      {error != null && (
        <Alert severity="error" role="alert">
          {problemMessage(t, error)}
        </Alert>
      )}
      <Stack component="ol" spacing={1} sx={{ listStyle: 'none', p: 0, m: 0 }}>
        {tests.map((test, index) => {
          const result = byName.get(test.name);
          if (onlyFailing && (!result || result.passed)) return null;
          const highlighted = focus === String(index);
          return (
            <Paper
              component="li"
              key={index}
              variant="outlined"
              data-pointer={`/tests/${index}`}
              sx={{ p: 2, borderColor: result && !result.passed ? 'error.main' : highlighted ? 'primary.main' : undefined, borderWidth: highlighted ? 2 : 1 }}
            >
              <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
                <Typography component="h3" sx={{ fontWeight: 600, flex: 1, minWidth: 240 }}>
                  {index + 1}. {test.name}
                </Typography>
                {result ? (
                  <Chip size="small" color={result.passed ? 'success' : 'error'} label={result.passed ? t('ruleSets.tests.passed') : t('ruleSets.tests.failed')} />
                ) : run ? (
                  <Chip size="small" variant="outlined" label={t('ruleSets.tests.notSaved')} />
                ) : null}
                <Button size="small" onClick={() => navigate(versionHref(key, version, 'console'), { state: { loadFacts: test.facts, asOf: test.asOf } })}>
                  {t('ruleSets.tests.openInConsole')}
                </Button>
                {editor.editable && (
                  <Button size="small" color="error" onClick={() => editor.change((d) => removeTest(d, index))}>
                    {t('ruleSets.tests.remove')}
                  </Button>
                )}
              </Stack>
              <Expectations test={test} facts={facts} />
              {result && !result.passed && (
                <Alert severity="error" role="note" sx={{ mt: 1 }}>
                  {result.differences.map((d, i) => (
                    <div key={i}>{describeDifference(d, t, i18n.language)}</div>
                  ))}
                </Alert>
              )}
            </Paper>
          );
        })}
      </Stack>
    </Stack>
  );
}
