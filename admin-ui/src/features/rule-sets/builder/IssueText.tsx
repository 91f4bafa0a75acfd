import { useTranslation } from 'react-i18next';
import { Box, Typography } from '@mui/material';
import ErrorIcon from '@mui/icons-material/ErrorOutlined';
import WarningIcon from '@mui/icons-material/WarningAmber';
import { issueText, type Issue } from '../model/issues';
import { visuallyHidden } from './a11y';

/** The problems at one place, in red (errors) or amber (warnings), right under the control they concern. */
export function IssueText({ issues, id }: { issues: Issue[]; id?: string }) {
  const { t } = useTranslation();
  if (!issues.length) return null;
  return (
    <Box id={id} sx={{ mt: 0.5 }}>
      {issues.map((issue, i) => (
        <Typography
          key={i}
          variant="body2"
          data-issue-pointer={issue.pointer}
          sx={{ display: 'flex', gap: 0.5, alignItems: 'flex-start', color: issue.severity === 'error' ? 'error.main' : 'warning.main' }}
        >
          {issue.severity === 'error' ? <ErrorIcon fontSize="small" aria-hidden /> : <WarningIcon fontSize="small" aria-hidden />}
          <span>
            <Box component="span" sx={visuallyHidden}>
              {issue.severity === 'error' ? t('ruleSets.issues.error') : t('ruleSets.issues.warning')}:{' '}
            </Box>
            {issueText(t, issue)}
          </span>
        </Typography>
      ))}
    </Box>
  );
}
