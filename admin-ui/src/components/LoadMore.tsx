import { Alert, Button, CircularProgress, Stack } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../api/problem-message';

/**
 * The foot of a server-paged list (useCursorPages): the failure of the last "more" with a retry, and the button for
 * the next page while there is one.
 */
export function LoadMore({ state, onMore, label }: { state: { nextCursor: string | null; loadingMore: boolean; moreError: unknown }; onMore: () => void; label: string }) {
  const { t } = useTranslation();
  return (
    <>
      {state.moreError != null && (
        <Alert severity="error" sx={{ mt: 1 }} action={<Button color="inherit" size="small" onClick={onMore}>{t('pageState.retry')}</Button>}>
          {problemMessage(t, state.moreError)}
        </Alert>
      )}
      {state.nextCursor && (
        <Stack direction="row" spacing={1} sx={{ mt: 1, justifyContent: 'center', alignItems: 'center' }}>
          <Button onClick={onMore} disabled={state.loadingMore}>
            {label}
          </Button>
          {state.loadingMore && <CircularProgress size={18} aria-label={t('pageState.loading')} />}
        </Stack>
      )}
    </>
  );
}
