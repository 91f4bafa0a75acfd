import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker } from 'react-router-dom';
import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';

/**
 * Guards unsaved changes: leaving the version (another page, a link, back) asks first, and closing or reloading
 * the tab triggers the browser's own warning. Moving between the version's tabs is not leaving.
 */
export function LeaveGuard({ dirty, within }: { dirty: boolean; within: string }) {
  const { t } = useTranslation();
  const blocker = useBlocker(({ nextLocation }) => dirty && !nextLocation.pathname.startsWith(within));
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);
  return (
    <Dialog open={blocker.state === 'blocked'} onClose={() => blocker.reset?.()} aria-describedby="leave-body">
      <DialogTitle>{t('ruleSets.leave.title')}</DialogTitle>
      <DialogContent>
        <DialogContentText id="leave-body">{t('ruleSets.leave.body')}</DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button onClick={() => blocker.reset?.()} autoFocus>
          {t('ruleSets.leave.stay')}
        </Button>
        <Button color="error" onClick={() => blocker.proceed?.()}>
          {t('ruleSets.leave.leave')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
