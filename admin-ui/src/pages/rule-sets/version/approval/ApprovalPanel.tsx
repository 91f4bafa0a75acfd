import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { Alert, Box, Button, Paper, Stack, Step, StepLabel, Stepper, Typography } from '@mui/material';
import { useSession } from '../../../../auth/session-context';
import type { ResourceState } from '../../../../api/use-api-resource';
import { ruleSetApi, type TransitionName } from '../../../../features/rule-sets/api/rule-set-api';
import type { PublishReport, RuleSetDetail, RuleSetVersion } from '../../../../features/rule-sets/api/types';
import { actorName } from '../../../../features/rule-sets/model/format';
import { ruleSetHref } from '../../rule-set-links';
import { PublishCheckView } from './PublishCheckView';
import { TransitionDialog, type TransitionRequest } from './TransitionDialog';

const STEPS = ['draft', 'in_review', 'approved', 'active'] as const;

export interface ApprovalPanelProps {
  version: RuleSetVersion;
  detail: RuleSetDetail | null;
  dirty: boolean;
  check: ResourceState<PublishReport>;
  /** A lifecycle call returned the version in its new state. */
  onChanged(version: RuleSetVersion): void;
  onShow(pointer: string): void;
}

/**
 * The governance of one version: where it is in draft → review → approved → active, the publish check, and the
 * steps this user may take. Four eyes is explained before anyone tries: an author of the version cannot approve it.
 */
export function ApprovalPanel({ version, detail, dirty, check, onChanged, onShow }: ApprovalPanelProps) {
  const { t } = useTranslation();
  const { can, state } = useSession();
  const navigate = useNavigate();
  const [request, setRequest] = useState<TransitionRequest | null>(null);
  const userId = state.status === 'signed-in' ? state.session.user.id : '';
  const isAuthor = version.authors.includes(userId);
  const { key, status } = version;
  const n = version.version;
  const active = detail?.active?.version ?? null;
  const report = check.status === 'ready' ? check.data : null;
  const blocked = Boolean(report && report.errors.length > 0);

  const step = (name: TransitionName, title: string, consequence: string, confirmLabel: string, extra: Partial<TransitionRequest> = {}) => () =>
    setRequest({
      title,
      consequence,
      confirmLabel,
      ...extra,
      run: async (comment) => onChanged(await ruleSetApi.transition(key, n, name, comment)),
    });

  const activateConsequence =
    active && active !== n ? t('ruleSets.approval.activateReplaces', { version: n, previous: active }) : t('ruleSets.approval.activateFirst', { version: n });
  const actions: ReactNode[] = [];
  if (status === 'draft' && can('rules:write')) {
    actions.push(
      <Button
        key="submit"
        variant="contained"
        disabled={dirty || blocked || check.status !== 'ready'}
        onClick={step('submit', t('ruleSets.approval.submitTitle', { version: n }), t('ruleSets.approval.submitConsequence', { version: n }), t('ruleSets.approval.submit'))}
      >
        {t('ruleSets.approval.submit')}
      </Button>,
      <Button
        key="delete"
        color="error"
        onClick={() =>
          setRequest({
            title: t('ruleSets.approval.deleteTitle', { version: n }),
            consequence: t('ruleSets.approval.deleteConsequence', { version: n }),
            confirmLabel: t('ruleSets.approval.delete'),
            danger: true,
            run: async () => {
              await ruleSetApi.deleteDraft(key, n, version.revision);
              navigate(ruleSetHref(key));
            },
          })
        }
      >
        {t('ruleSets.approval.delete')}
      </Button>,
    );
  }
  if (status === 'in_review' && can('rules:approve')) {
    actions.push(
      <Button
        key="approve"
        variant="contained"
        color="success"
        disabled={isAuthor}
        onClick={step('approve', t('ruleSets.approval.approveTitle', { version: n }), t('ruleSets.approval.approveConsequence', { version: n }), t('ruleSets.approval.approve'))}
      >
        {t('ruleSets.approval.approve')}
      </Button>,
      <Button
        key="reject"
        color="error"
        onClick={step('reject', t('ruleSets.approval.rejectTitle', { version: n }), t('ruleSets.approval.rejectConsequence', { version: n }), t('ruleSets.approval.reject'), { commentRequired: true, danger: true })}
      >
        {t('ruleSets.approval.reject')}
      </Button>,
    );
  }
  if (status === 'approved' && can('rules:activate')) {
    actions.push(
      <Button key="activate" variant="contained" onClick={step('activate', t('ruleSets.approval.activateTitle', { version: n }), activateConsequence, t('ruleSets.approval.activate'))}>
        {t('ruleSets.approval.activate')}
      </Button>,
    );
  }
  if ((status === 'approved' || status === 'active') && can('rules:activate')) {
    actions.push(
      <Button
        key="retire"
        color="error"
        onClick={step(
          'retire',
          t('ruleSets.approval.retireTitle', { version: n }),
          status === 'active' ? t('ruleSets.approval.retireActiveConsequence', { version: n }) : t('ruleSets.approval.retireConsequence', { version: n }),
          t('ruleSets.approval.retire'),
          { danger: true },
        )}
      >
        {t('ruleSets.approval.retire')}
      </Button>,
    );
  }
  if (status === 'retired' && version.approved && version.activated && can('rules:activate')) {
    actions.push(
      <Button
        key="rollback"
        variant="contained"
        onClick={() =>
          setRequest({
            title: t('ruleSets.approval.rollbackTitle', { version: n }),
            consequence: active ? t('ruleSets.approval.rollbackReplaces', { version: n, previous: active }) : t('ruleSets.approval.rollbackFirst', { version: n }),
            confirmLabel: t('ruleSets.approval.rollback'),
            run: async (comment) => onChanged(await ruleSetApi.rollback(key, n, comment)),
          })
        }
      >
        {t('ruleSets.approval.rollback')}
      </Button>,
    );
  }

  // Authors are user ids; the version's own stamps say whose names they are.
  const names = new Map(
    [version.createdBy, version.updatedBy, version.submitted?.by, version.approved?.by, version.rejected?.by]
      .filter((a) => a !== undefined)
      .map((a) => [a.id, actorName(t, a)]),
  );
  const activeStep = status === 'retired' ? -1 : STEPS.indexOf(status);
  const showsCheck = status === 'draft' || status === 'in_review' || status === 'approved';
  return (
    <Paper variant="outlined" sx={{ p: 2, mb: 2 }} component="section" aria-labelledby="approval-heading">
      <Stack direction={{ xs: 'column', lg: 'row' }} spacing={2} sx={{ alignItems: { lg: 'center' } }}>
        <Box sx={{ flex: 1, minWidth: 0 }}>
          <Typography variant="h6" component="h2" id="approval-heading" sx={{ mb: 1 }}>
            {t('ruleSets.approval.heading')}
          </Typography>
          {status === 'retired' ? (
            <Typography>{t('ruleSets.approval.retiredNote')}</Typography>
          ) : (
            <Stepper activeStep={activeStep} alternativeLabel sx={{ maxWidth: 640 }}>
              {STEPS.map((s) => (
                <Step key={s} completed={STEPS.indexOf(s) < activeStep || (s === 'active' && status === 'active')}>
                  <StepLabel>{t(`ruleSets.status.${s}`)}</StepLabel>
                </Step>
              ))}
            </Stepper>
          )}
          <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
            {t('ruleSets.approval.authors', { names: version.authors.map((a) => (a === userId ? t('ruleSets.approval.you') : (names.get(a) ?? a))).join(', ') || '—' })}
          </Typography>
        </Box>
        <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1, justifyContent: { lg: 'flex-end' } }}>
          {actions}
        </Stack>
      </Stack>
      {status === 'in_review' && can('rules:approve') && isAuthor && (
        <Alert severity="info" role="note" sx={{ mt: 2 }}>
          {t('ruleSets.approval.fourEyes')}
        </Alert>
      )}
      {status === 'in_review' && !can('rules:approve') && (
        <Alert severity="info" role="note" sx={{ mt: 2 }}>
          {t('ruleSets.approval.waitingForApproval')}
        </Alert>
      )}
      {status === 'draft' && dirty && can('rules:write') && (
        <Alert severity="info" role="note" sx={{ mt: 2 }}>
          {t('ruleSets.approval.saveBeforeSubmit')}
        </Alert>
      )}
      {version.rejected && status === 'draft' && (
        <Alert severity="warning" role="note" sx={{ mt: 2 }}>
          {t('ruleSets.approval.rejectedNote', { who: actorName(t, version.rejected.by), comment: version.rejected.comment ?? '' })}
        </Alert>
      )}
      {showsCheck && (
        <Box sx={{ mt: 2 }} component="section" aria-labelledby="publish-check-heading">
          <Typography variant="subtitle1" component="h3" id="publish-check-heading" sx={{ fontWeight: 600, mb: 1 }}>
            {t('ruleSets.approval.checkHeading')}
          </Typography>
          {check.status === 'loading' && (
            <Typography role="status" color="text.secondary">
              {t('ruleSets.approval.checking')}
            </Typography>
          )}
          {check.status === 'error' && (
            <Alert severity="error" role="note">
              {t('ruleSets.approval.checkUnavailable')}
            </Alert>
          )}
          {report && <PublishCheckView report={report} doc={version.document} onShow={onShow} stale={dirty} />}
        </Box>
      )}
      <TransitionDialog request={request} onClose={() => setRequest(null)} />
    </Paper>
  );
}
