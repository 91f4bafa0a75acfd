import { useTranslation } from 'react-i18next';
import { Alert, Box, Button, List, ListItem, ListItemText, Typography } from '@mui/material';
import type { PublishReport, RuleSetDocument } from '../../../../features/rule-sets/api/types';
import { issueLocation } from '../../../../features/rule-sets/editor/issue-location';

/**
 * What stands between this version and publishing: static-check errors and failing tests block submit and
 * activate; warnings are worth a look. Each entry links to its place in the editor (or the tests tab).
 */
export function PublishCheckView({ report, doc, onShow, stale }: { report: PublishReport; doc: RuleSetDocument | null; onShow(pointer: string): void; stale: boolean }) {
  const { t } = useTranslation();
  const tests = report.tests;
  const item = (p: { pointer: string; message: string }, i: number) => (
    <ListItem
      key={i}
      disableGutters
      secondaryAction={
        <Button size="small" color="inherit" onClick={() => onShow(p.pointer)}>
          {t('ruleSets.issues.show')}
        </Button>
      }
    >
      <ListItemText primary={p.message} secondary={issueLocation(t, doc, p.pointer)} sx={{ pr: 8 }} />
    </ListItem>
  );
  return (
    <Box>
      {stale && (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {t('ruleSets.approval.checkIsForSaved')}
        </Typography>
      )}
      {report.errors.length === 0 ? (
        <Alert severity="success" role="status">
          {tests ? t('ruleSets.approval.checkPassed', { passed: tests.passed, total: tests.total }) : t('ruleSets.approval.checkPassedNoTests')}
        </Alert>
      ) : (
        <Alert severity="error" role="note" sx={{ '& .MuiAlert-message': { width: '100%' } }}>
          {t('ruleSets.approval.checkFailed', { count: report.errors.length })}
          {tests && tests.failed.length > 0 && <> {t('ruleSets.approval.testsFailing', { failed: tests.failed.length, total: tests.total })}</>}
          <List dense disablePadding>
            {report.errors.slice(0, 30).map(item)}
          </List>
        </Alert>
      )}
      {report.warnings.length > 0 && (
        <Alert severity="warning" role="note" sx={{ mt: 1, '& .MuiAlert-message': { width: '100%' } }}>
          {t('ruleSets.approval.warnings', { count: report.warnings.length })}
          <List dense disablePadding>
            {report.warnings.slice(0, 30).map(item)}
          </List>
        </Alert>
      )}
    </Box>
  );
}
