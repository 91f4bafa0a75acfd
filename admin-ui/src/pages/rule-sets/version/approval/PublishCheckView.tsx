import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Box, Button, Collapse, List, ListItem, ListItemText, Typography } from '@mui/material';
import type { PointerProblem, PublishReport, RuleSetDocument } from '../../../../features/rule-sets/api/types';
import { issueLocation } from '../../../../features/rule-sets/editor/issue-location';
import { describeDifference } from '../../../../features/rule-sets/model/test-differences';

/**
 * What stands between this version and publishing, in one line: static-check errors and failing tests block
 * submit and activate; warnings are worth a look. The details list each problem with a link to its place (a rule
 * in the editor, a test case in the tests tab); failing tests say what differed, in words.
 */
export function PublishCheckView({ report, doc, onShow, stale }: { report: PublishReport; doc: RuleSetDocument | null; onShow(pointer: string): void; stale: boolean }) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const tests = report.tests;
  const failedByName = new Map((tests?.failed ?? []).map((f) => [f.name, f]));

  const text = (p: PointerProblem) => {
    const test = /^\/tests\/(\d+)$/.exec(p.pointer);
    const name = test ? doc?.tests?.[Number(test[1])]?.name : undefined;
    const failed = name ? failedByName.get(name) : undefined;
    if (!failed) return p.message;
    return failed.differences.map((d) => describeDifference(d, t, i18n.language)).join('; ');
  };
  const item = (p: PointerProblem, i: number) => (
    <ListItem
      key={i}
      disableGutters
      secondaryAction={
        <Button size="small" color="inherit" onClick={() => onShow(p.pointer)}>
          {t('ruleSets.issues.show')}
        </Button>
      }
    >
      <ListItemText primary={issueLocation(t, doc, p.pointer)} secondary={text(p)} sx={{ pr: 8 }} slotProps={{ primary: { sx: { fontWeight: 600 } } }} />
    </ListItem>
  );
  const hasDetails = report.errors.length + report.warnings.length > 0;
  const summary =
    report.errors.length === 0
      ? tests
        ? t('ruleSets.approval.checkPassed', { passed: tests.passed, total: tests.total })
        : t('ruleSets.approval.checkPassedNoTests')
      : `${t('ruleSets.approval.checkFailed', { count: report.errors.length })}${tests?.failed.length ? ' ' + t('ruleSets.approval.testsFailing', { failed: tests.failed.length, total: tests.total }) : ''}`;
  return (
    <Box>
      <Alert
        severity={report.errors.length ? 'error' : report.warnings.length ? 'warning' : 'success'}
        role="status"
        action={
          hasDetails && (
            <Button color="inherit" size="small" aria-expanded={open} onClick={() => setOpen((v) => !v)}>
              {open ? t('ruleSets.issues.hide') : t('ruleSets.approval.details')}
            </Button>
          )
        }
      >
        {summary}
        {report.errors.length === 0 && report.warnings.length > 0 && ` ${t('ruleSets.approval.warnings', { count: report.warnings.length })}`}
        {stale && (
          <Typography variant="body2" sx={{ mt: 0.5 }}>
            {t('ruleSets.approval.checkIsForSaved')}
          </Typography>
        )}
      </Alert>
      <Collapse in={open} unmountOnExit>
        <Box sx={{ maxHeight: 360, overflowY: 'auto', border: 1, borderColor: 'divider', borderTop: 0, px: 2 }}>
          {report.errors.length > 0 && <List dense>{report.errors.map(item)}</List>}
          {report.warnings.length > 0 && (
            <>
              <Typography variant="subtitle2" sx={{ mt: 1 }}>
                {t('ruleSets.approval.warnings', { count: report.warnings.length })}
              </Typography>
              <List dense>{report.warnings.map(item)}</List>
            </>
          )}
        </Box>
      </Collapse>
    </Box>
  );
}
