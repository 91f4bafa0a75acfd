import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, AlertTitle, Box, Button, CircularProgress, Stack, Typography } from '@mui/material';
import InboxIcon from '@mui/icons-material/InboxOutlined';
import { ApiError } from '../api/http';
import { problemMessage } from '../api/problem-message';

/** The three states every data page passes through besides "has data": loading, empty and failed. */

function StateFrame({ children, fullPage }: { children: ReactNode; fullPage?: boolean }) {
  return (
    <Box
      sx={{
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        py: 8,
        px: 3,
        minHeight: fullPage ? '100vh' : 240,
      }}
    >
      {children}
    </Box>
  );
}

export function LoadingState({ label, fullPage }: { label?: string; fullPage?: boolean }) {
  const { t } = useTranslation();
  return (
    <StateFrame fullPage={fullPage}>
      <Stack role="status" aria-live="polite" direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <CircularProgress size={24} aria-hidden />
        <Typography color="text.secondary">{label ?? t('pageState.loading')}</Typography>
      </Stack>
    </StateFrame>
  );
}

export interface EmptyStateProps {
  title?: string;
  body?: string;
  icon?: ReactNode;
  /** A button or link that gets the user out of the empty state, e.g. "Create the first rule set". */
  action?: ReactNode;
  /** 'h1' when the empty state is the whole page (not found, no access); 'h2' under a page header. */
  headingLevel?: 'h1' | 'h2';
}

export function EmptyState({ title, body, icon, action, headingLevel = 'h2' }: EmptyStateProps) {
  const { t } = useTranslation();
  return (
    <StateFrame>
      <Stack spacing={1.5} sx={{ alignItems: 'center', textAlign: 'center', maxWidth: 480 }}>
        <Box sx={{ color: 'text.disabled', '& svg': { fontSize: 48 } }} aria-hidden>
          {icon ?? <InboxIcon />}
        </Box>
        <Typography variant="h6" component={headingLevel}>
          {title ?? t('pageState.emptyTitle')}
        </Typography>
        {body && <Typography color="text.secondary">{body}</Typography>}
        {action}
      </Stack>
    </StateFrame>
  );
}

export function ErrorState({ error, onRetry, fullPage }: { error: unknown; onRetry?: () => void; fullPage?: boolean }) {
  const { t } = useTranslation();
  const errorId = error instanceof ApiError ? error.errorId : undefined;
  return (
    <StateFrame fullPage={fullPage}>
      <Alert
        severity="error"
        sx={{ maxWidth: 560, width: '100%' }}
        action={
          onRetry && (
            <Button color="inherit" size="small" onClick={onRetry}>
              {t('pageState.retry')}
            </Button>
          )
        }
      >
        <AlertTitle>{t('pageState.errorTitle')}</AlertTitle>
        {problemMessage(t, error)}
        {errorId && (
          <Typography variant="body2" sx={{ mt: 0.5, fontFamily: 'monospace' }}>
            {t('errors.errorId', { id: errorId })}
          </Typography>
        )}
      </Alert>
    </StateFrame>
  );
}
