import { useTranslation } from 'react-i18next';
import { Alert, AlertTitle, Box, Button, CircularProgress, Stack, Typography } from '@mui/material';
import ReplayIcon from '@mui/icons-material/Replay';
import { problemMessage } from '../../../api/problem-message';
import type { ReplayState } from '../api/decision-hooks';
import type { Replay, ReplayRun } from '../api/types';
import { shortHash } from '../model/format';
import { ReplayDifferences } from './ReplayDifferences';

function Problems({ run }: { run: ReplayRun }) {
  const { t } = useTranslation();
  if (!run.problems?.length) return null;
  return (
    <Alert severity="warning" sx={{ mt: 1 }}>
      <AlertTitle>{t('decisions.replay.problems', { version: run.ruleSet.version })}</AlertTitle>
      <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
        {run.problems.map((p) => (
          <li key={p.pointer + p.message}>
            <code>{p.pointer}</code> {p.message}
          </li>
        ))}
      </Box>
    </Alert>
  );
}

function SameVersion({ replay }: { replay: Replay }) {
  const { t } = useTranslation();
  const run = replay.sameVersion;
  const version = run.ruleSet.version;
  if (run.problems?.length) return <Problems run={run} />;
  return run.reproduced ? (
    <Alert severity="success" data-testid="replay-same">
      {t('decisions.replay.reproduced', { version })}
    </Alert>
  ) : (
    <Alert severity="error" data-testid="replay-same">
      <AlertTitle>{t('decisions.replay.notReproduced', { version })}</AlertTitle>
      {run.differences && <ReplayDifferences differences={run.differences} afterLabel={t('decisions.replay.replayed')} />}
    </Alert>
  );
}

function ActiveVersion({ replay }: { replay: Replay }) {
  const { t } = useTranslation();
  const run = replay.activeVersion;
  if (!run) return <Alert severity="info">{t('decisions.replay.noActive')}</Alert>;
  const version = run.ruleSet.version;
  if (run.problems?.length) return <Problems run={run} />;
  if (run.ruleSet.contentHash === replay.original.ruleSet.contentHash)
    return <Alert severity="info" data-testid="replay-active">{t('decisions.replay.activeIsSame', { version })}</Alert>;
  return run.changed ? (
    <Alert severity="warning" data-testid="replay-active">
      <AlertTitle>{t('decisions.replay.activeChanged', { version, hash: shortHash(run.ruleSet.contentHash) })}</AlertTitle>
      {run.differences && <ReplayDifferences differences={run.differences} afterLabel={t('decisions.replay.withVersion', { version })} />}
    </Alert>
  ) : (
    <Alert severity="success" data-testid="replay-active">
      {t('decisions.replay.activeUnchanged', { version, hash: shortHash(run.ruleSet.contentHash) })}
    </Alert>
  );
}

/** Replays the decision on request and says what it found, for the version used and for today's active version. */
export function ReplayPanel({ state, onRun }: { state: ReplayState; onRun: () => void }) {
  const { t } = useTranslation();
  return (
    <Box>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
        {t('decisions.replay.explain')}
      </Typography>
      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', mb: state.status === 'idle' ? 0 : 2 }}>
        <Button variant="outlined" startIcon={<ReplayIcon />} onClick={onRun} disabled={state.status === 'running'}>
          {state.status === 'done' ? t('decisions.replay.again') : t('decisions.replay.run')}
        </Button>
        {state.status === 'running' && (
          <Stack direction="row" spacing={1} role="status" sx={{ alignItems: 'center' }}>
            <CircularProgress size={18} aria-hidden />
            <Typography variant="body2">{t('decisions.replay.running')}</Typography>
          </Stack>
        )}
      </Stack>
      {state.status === 'error' && <Alert severity="error">{problemMessage(t, state.error)}</Alert>}
      {state.status === 'done' && (
        <Stack spacing={1.5} aria-live="polite">
          <Typography variant="subtitle2" component="h3">
            {t('decisions.replay.sameHeading', { version: state.replay.sameVersion.ruleSet.version })}
          </Typography>
          <SameVersion replay={state.replay} />
          <Typography variant="subtitle2" component="h3">
            {t('decisions.replay.activeHeading')}
          </Typography>
          <ActiveVersion replay={state.replay} />
        </Stack>
      )}
    </Box>
  );
}
