import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router-dom';
import { Box, Button, Paper, Stack, Typography } from '@mui/material';
import type { Stamp, VersionRecord } from '../../../features/rule-sets/api/types';
import { ruleSetApi } from '../../../features/rule-sets/api/rule-set-api';
import { StatusChip } from '../../../features/rule-sets/components/StatusChip';
import { actorName, formatDateTime } from '../../../features/rule-sets/model/format';
import { versionHref } from '../rule-set-links';

type Step = 'created' | 'submitted' | 'rejected' | 'approved' | 'activated' | 'retired';

/** What happened to a version, oldest first: created, submitted, approved, activated … with who, when and why. */
function steps(v: VersionRecord): { step: Step; stamp: Stamp }[] {
  const out: { step: Step; stamp: Stamp }[] = [{ step: 'created', stamp: { by: v.createdBy, at: v.createdAt } }];
  for (const step of ['submitted', 'rejected', 'approved', 'activated', 'retired'] as const) {
    const stamp = v[step];
    if (stamp) out.push({ step, stamp });
  }
  return out.sort((a, b) => a.stamp.at.localeCompare(b.stamp.at));
}

/** Every version of a rule set, newest first, each with its lifecycle steps and links to open, compare or export it. */
export function VersionTimeline({ ruleSetKey, versions, activeVersion }: { ruleSetKey: string; versions: VersionRecord[]; activeVersion: number | null }) {
  const { t, i18n } = useTranslation();
  const sorted = [...versions].sort((a, b) => b.version - a.version);
  return (
    <Stack component="ol" spacing={1.5} sx={{ listStyle: 'none', p: 0, m: 0 }} aria-label={t('ruleSets.detail.timeline')}>
      {sorted.map((v) => (
        <Paper component="li" key={v.version} variant="outlined" sx={{ p: 2 }}>
          <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
            <Typography variant="h6" component="h3">
              {t('ruleSets.common.versionN', { version: v.version })}
            </Typography>
            <StatusChip status={v.status} />
            {v.basedOnVersion !== null && (
              <Typography variant="body2" color="text.secondary">
                {t('ruleSets.detail.basedOn', { version: v.basedOnVersion })}
              </Typography>
            )}
            <Box sx={{ flex: 1 }} />
            <Button size="small" component={RouterLink} to={versionHref(ruleSetKey, v.version)}>
              {v.status === 'draft' ? t('ruleSets.detail.openDraft') : t('ruleSets.detail.open')}
            </Button>
            {activeVersion !== null && activeVersion !== v.version && (
              <Button size="small" component={RouterLink} to={versionHref(ruleSetKey, v.version, 'diff', `?from=${activeVersion}&to=${v.version}`)}>
                {t('ruleSets.detail.compareWithActive')}
              </Button>
            )}
            <Button size="small" href={ruleSetApi.exportUrl(ruleSetKey, v.version)} download={`${ruleSetKey}-v${v.version}.json`}>
              {t('ruleSets.detail.export')}
            </Button>
          </Stack>
          <Box component="ul" sx={{ m: 0, mt: 1, pl: 2.5 }}>
            {steps(v).map(({ step, stamp }) => (
              <Typography component="li" variant="body2" key={step}>
                {t(`ruleSets.detail.steps.${step}`, { who: actorName(t, stamp.by), when: formatDateTime(stamp.at, i18n.language) })}
                {stamp.comment && (
                  <Box component="q" sx={{ ml: 1, color: 'text.secondary', fontStyle: 'italic' }}>
                    {stamp.comment}
                  </Box>
                )}
              </Typography>
            ))}
          </Box>
        </Paper>
      ))}
    </Stack>
  );
}
