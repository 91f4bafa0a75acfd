import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router-dom';
import { Alert, Box, Button, CircularProgress, Dialog, DialogActions, DialogContent, DialogTitle, Link, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useApiResource } from '../../../api/use-api-resource';
import { problemMessage } from '../../../api/problem-message';
import { ApiError } from '../../../api/http';
import { ExplanationTree } from '../../../components/explanation/ExplanationTree';
import { outputText } from '../../../components/format/reason-text';
import { OutcomeChip } from '../../decisions/table/OutcomeChip';
import { useRunDecision } from '../api/client-hooks';

interface RuleSetItem {
  key: string;
  family: string;
  name: { zh?: string; en?: string };
  active: { version: number } | null;
}

/**
 * "Run a decision": pick an active credit policy, decide on this client's stored data (the register derives the
 * facts), and read the outcome with its explanation. The decision is logged like any other, against the client.
 */
export function RunDecisionDialog({ clientId, open, onClose, onDecided }: { clientId: string; open: boolean; onClose: () => void; onDecided: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const ruleSets = useApiResource<{ items: RuleSetItem[] }>(open ? '/api/v1/rule-sets' : null);
  const policies = ruleSets.status === 'ready' ? ruleSets.data.items.filter((r) => r.family === 'credit-policy' && r.active) : [];
  const [key, setKey] = useState('');
  const { state, run, reset } = useRunDecision(clientId);
  useEffect(() => {
    if (!key && policies.length) setKey(policies[0].key);
  }, [key, policies]);
  // Tell the page once per decision (it reloads the client's decision list); the callback may change identity.
  const decided = useRef(onDecided);
  decided.current = onDecided;
  useEffect(() => {
    if (state.status === 'done') decided.current();
  }, [state]);
  const close = () => {
    reset();
    onClose();
  };
  const name = (r: RuleSetItem) => (lang.startsWith('zh') ? r.name.zh : r.name.en) ?? r.key;
  const fieldError = state.status === 'error' && state.error instanceof ApiError ? state.error.errors : [];

  return (
    <Dialog open={open} onClose={close} fullWidth maxWidth="md" aria-labelledby="run-decision-title">
      <DialogTitle id="run-decision-title">{t('clients.run.title')}</DialogTitle>
      <DialogContent dividers>
        <Typography color="text.secondary" sx={{ mb: 2 }}>
          {t('clients.run.intro')}
        </Typography>
        {ruleSets.status === 'loading' && <CircularProgress size={20} aria-label={t('pageState.loading')} />}
        {ruleSets.status === 'error' && <Alert severity="error">{problemMessage(t, ruleSets.error)}</Alert>}
        {ruleSets.status === 'ready' && policies.length === 0 && <Alert severity="info">{t('clients.run.noPolicy')}</Alert>}
        {policies.length > 0 && (
          <Stack direction="row" spacing={1.5} sx={{ alignItems: 'flex-start' }}>
            <TextField select size="small" id="run-decision-rule-set" label={t('clients.run.ruleSet')} value={key} onChange={(e) => { setKey(e.target.value); reset(); }} sx={{ maxWidth: 480 }}>
              {policies.map((r) => (
                <MenuItem key={r.key} value={r.key}>
                  {name(r)} · v{r.active?.version}
                </MenuItem>
              ))}
            </TextField>
            <Button variant="contained" onClick={() => run(key)} disabled={!key || state.status === 'running'} sx={{ flexShrink: 0, mt: '2px' }}>
              {t('clients.run.run')}
            </Button>
          </Stack>
        )}
        {state.status === 'running' && (
          <Stack role="status" direction="row" spacing={1} sx={{ alignItems: 'center', mt: 2 }}>
            <CircularProgress size={18} aria-hidden />
            <Typography>{t('clients.run.running')}</Typography>
          </Stack>
        )}
        {state.status === 'error' && (
          <Alert severity="error" sx={{ mt: 2 }}>
            {problemMessage(t, state.error)}
            {fieldError.length > 0 && (
              <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
                {fieldError.map((e) => (
                  <li key={e.pointer}>
                    <code>{e.pointer}</code> {e.message}
                  </li>
                ))}
              </Box>
            )}
          </Alert>
        )}
        {state.status === 'done' && (
          <Box sx={{ mt: 2 }} data-testid="run-result">
            <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 1.5 }} useFlexGap role="status">
              <Typography variant="subtitle1" component="h3">
                {t('clients.run.outcome')}
              </Typography>
              <OutcomeChip outcome={typeof state.run.outputs.decision === 'string' ? state.run.outputs.decision : null} />
              <Typography variant="body2" color="text.secondary">
                {state.run.ruleSet.key} v{state.run.ruleSet.version}
              </Typography>
              <Link component={RouterLink} to={`/decisions/${encodeURIComponent(state.run.decisionId)}`} sx={{ fontFamily: 'monospace' }}>
                {state.run.decisionId}
              </Link>
            </Stack>
            <Box component="dl" sx={{ m: 0, display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 2, rowGap: 0.5, mb: 2 }}>
              {Object.entries(state.run.outputs)
                .filter(([k]) => k !== 'decision')
                .map(([k, v]) => (
                  <Box key={k} sx={{ display: 'contents' }}>
                    <Typography component="dt" variant="body2" color="text.secondary" sx={{ fontFamily: 'monospace' }}>
                      {k}
                    </Typography>
                    <Typography component="dd" variant="body2" sx={{ m: 0, whiteSpace: 'pre-line' }}>
                      {outputText(v, lang)}
                    </Typography>
                  </Box>
                ))}
            </Box>
            {state.run.trace && <ExplanationTree trace={state.run.trace} />}
          </Box>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={close}>{t('clients.run.close')}</Button>
      </DialogActions>
    </Dialog>
  );
}
