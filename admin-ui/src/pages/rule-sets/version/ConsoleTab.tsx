import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router-dom';
import { Alert, Box, Button, Checkbox, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, FormControlLabel, MenuItem, Paper, Stack, TextField, Typography } from '@mui/material';
import PlayIcon from '@mui/icons-material/PlayArrow';
import PlaylistAddIcon from '@mui/icons-material/PlaylistAdd';
import { problemMessage } from '../../../api/problem-message';
import { ruleSetApi } from '../../../features/rule-sets/api/rule-set-api';
import type { EvaluationResult } from '../../../features/rule-sets/api/types';
import { EvaluationResultView } from '../../../features/rule-sets/console/EvaluationResultView';
import { factFields } from '../../../features/rule-sets/console/fact-fields';
import { FactForm } from '../../../features/rule-sets/console/FactForm';
import { useFactForm } from '../../../features/rule-sets/console/useFactForm';
import { addTest } from '../../../features/rule-sets/model/document-edits';
import type { VersionContext } from './version-context';

interface Run {
  facts: Record<string, unknown>;
  asOf?: string;
  result: EvaluationResult;
  compare: EvaluationResult | null;
}

/**
 * The test console: facts in (a form built from the rule set, or JSON), this version run with a full explanation,
 * optionally beside the active version; a run can be kept as a test case of the draft.
 */
export function ConsoleTab({ ctx }: { ctx: VersionContext }) {
  const { t } = useTranslation();
  const { key, version, editor, facts, detail } = ctx;
  const location = useLocation();
  const doc = editor.doc;
  const fields = useMemo(() => factFields(doc, facts), [doc, facts]);
  const form = useFactForm(fields);
  const active = detail?.active?.version ?? null;
  const canCompare = active !== null && active !== version;
  const [compare, setCompare] = useState(false);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [run, setRun] = useState<Run | null>(null);
  const [naming, setNaming] = useState(false);
  const [testName, setTestName] = useState('');
  const [added, setAdded] = useState<string | null>(null);
  const tests = doc?.tests ?? [];
  const { load } = form;

  // "Open in console" on the tests tab passes the test's facts in the navigation state.
  const passed = location.state as { loadFacts?: Record<string, unknown>; asOf?: string } | null;
  useEffect(() => {
    if (passed?.loadFacts) load(passed.loadFacts, passed.asOf);
  }, [passed, load]);

  const execute = async () => {
    const given = form.facts();
    if (!given) return;
    setRunning(true);
    setError(null);
    setAdded(null);
    try {
      const asOf = form.asOf || undefined;
      const [result, other] = await Promise.all([
        ruleSetApi.evaluate(key, version, given, asOf),
        compare && canCompare ? ruleSetApi.evaluate(key, active, given, asOf) : Promise.resolve(null),
      ]);
      setRun({ facts: given, asOf, result, compare: other });
    } catch (e) {
      setError(e);
    } finally {
      setRunning(false);
    }
  };

  const saveAsTest = () => {
    if (!run || !testName.trim()) return;
    const name = testName.trim();
    editor.change((d) => addTest(d, { name, facts: run.facts, ...(run.asOf ? { asOf: run.asOf } : {}), expect: { outputs: run.result.outputs } }));
    setNaming(false);
    setAdded(name);
  };

  return (
    <Stack spacing={2}>
      {editor.dirty && <Alert severity="info" role="note">{t('ruleSets.console.runsSaved')}</Alert>}
      <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-labelledby="console-facts">
        <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center', mb: 2, flexWrap: 'wrap', rowGap: 1 }}>
          <Typography variant="h6" component="h2" id="console-facts">
            {t('ruleSets.console.factsHeading')}
          </Typography>
          {tests.length > 0 && (
            <TextField
              select
              size="small"
              label={t('ruleSets.console.loadTest')}
              value=""
              onChange={(e) => {
                const test = tests[Number(e.target.value)];
                if (test) form.load(test.facts, test.asOf);
              }}
              fullWidth={false}
              sx={{ minWidth: 280 }}
            >
              {tests.map((test, i) => (
                <MenuItem key={i} value={String(i)}>
                  {test.name}
                </MenuItem>
              ))}
            </TextField>
          )}
        </Stack>
        <FactForm form={form} />
        <Stack direction="row" spacing={2} sx={{ mt: 2, alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
          <Button variant="contained" startIcon={<PlayIcon />} onClick={() => void execute()} disabled={running || form.facts() === null}>
            {running ? t('ruleSets.console.running') : t('ruleSets.console.run', { version })}
          </Button>
          {canCompare && (
            <FormControlLabel control={<Checkbox checked={compare} onChange={(e) => setCompare(e.target.checked)} />} label={t('ruleSets.console.compareWithActive', { version: active })} />
          )}
          <Button onClick={form.clear}>{t('ruleSets.console.clear')}</Button>
        </Stack>
      </Paper>
      {error != null && (
        <Alert severity="error" role="alert">
          {problemMessage(t, error)}
        </Alert>
      )}
      {run && (
        <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-labelledby="console-result">
          <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center', mb: 2, flexWrap: 'wrap', rowGap: 1 }}>
            <Typography variant="h6" component="h2" id="console-result">
              {t('ruleSets.console.resultHeading', { version })}
            </Typography>
            {editor.editable && (
              <Button
                startIcon={<PlaylistAddIcon />}
                onClick={() => {
                  setTestName(t('ruleSets.console.defaultTestName', { n: tests.length + 1 }));
                  setNaming(true);
                }}
              >
                {t('ruleSets.console.saveAsTest')}
              </Button>
            )}
          </Stack>
          {added && (
            <Alert
              severity="success"
              role="status"
              sx={{ mb: 2 }}
              action={
                <Button color="inherit" size="small" disabled={editor.saving} onClick={() => void editor.save()}>
                  {t('ruleSets.console.saveDraftNow')}
                </Button>
              }
            >
              {t('ruleSets.console.testAdded', { name: added })}
            </Alert>
          )}
          <Box>
            <EvaluationResultView
              result={run.result}
              compare={run.compare}
              compareLabel={t('ruleSets.console.activeVersion', { version: active })}
              outputs={doc?.outputs ?? {}}
              facts={facts}
            />
          </Box>
        </Paper>
      )}
      <Dialog open={naming} onClose={() => setNaming(false)} maxWidth="sm" fullWidth>
        <DialogTitle>{t('ruleSets.console.saveAsTestTitle')}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>{t('ruleSets.console.saveAsTestBody')}</DialogContentText>
          <TextField
            autoFocus
            label={t('ruleSets.console.testName')}
            value={testName}
            onChange={(e) => setTestName(e.target.value)}
            error={!testName.trim()}
            helperText={!testName.trim() ? t('ruleSets.console.testNameRequired') : undefined}
            onKeyDown={(e) => e.key === 'Enter' && saveAsTest()}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setNaming(false)}>{t('ruleSets.common.cancel')}</Button>
          <Button variant="contained" onClick={saveAsTest} disabled={!testName.trim()}>
            {t('ruleSets.console.addTest')}
          </Button>
        </DialogActions>
      </Dialog>
    </Stack>
  );
}
