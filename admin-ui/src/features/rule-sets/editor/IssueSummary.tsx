import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Box, Button, Collapse, List, ListItem, ListItemText } from '@mui/material';
import type { RuleSetDocument } from '../api/types';
import { issueText, type IssueIndex } from '../model/issues';
import { issueLocation } from './issue-location';

const SHOWN = 100;

/** Counts of errors and warnings above the editor, opening to a list with a "show" link to each place. */
export function IssueSummary({ issues, doc, onReveal }: { issues: IssueIndex; doc: RuleSetDocument | null; onReveal(pointer: string): void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const errors = issues.all.filter((i) => i.severity === 'error');
  const warnings = issues.all.filter((i) => i.severity === 'warning');
  if (!issues.all.length) return null;
  const list = [...errors, ...warnings];
  return (
    <Alert
      // Not role="alert": the summary changes with every keystroke; the problems themselves sit at their fields.
      role="status"
      severity={errors.length ? 'error' : 'warning'}
      action={
        <Button color="inherit" size="small" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
          {open ? t('ruleSets.issues.hide') : t('ruleSets.issues.showAll')}
        </Button>
      }
      sx={{ '& .MuiAlert-message': { width: '100%' } }}
    >
      <Box>{t('ruleSets.issues.summary', { errors: errors.length, warnings: warnings.length })}</Box>
      <Collapse in={open} unmountOnExit>
        <List dense disablePadding sx={{ mt: 1 }}>
          {list.slice(0, SHOWN).map((issue, i) => (
            <ListItem
              key={i}
              disableGutters
              secondaryAction={
                <Button size="small" color="inherit" onClick={() => onReveal(issue.pointer)}>
                  {t('ruleSets.issues.show')}
                </Button>
              }
            >
              <ListItemText primary={issueText(t, issue)} secondary={issueLocation(t, doc, issue.pointer)} sx={{ pr: 8 }} />
            </ListItem>
          ))}
        </List>
        {list.length > SHOWN && <Box sx={{ mt: 1 }}>{t('ruleSets.issues.more', { count: list.length - SHOWN })}</Box>}
      </Collapse>
    </Alert>
  );
}
