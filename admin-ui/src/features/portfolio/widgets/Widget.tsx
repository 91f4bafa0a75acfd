import type { ReactNode } from 'react';
import { Alert, Typography } from '@mui/material';
import { ErrorState, LoadingState } from '../../../components/PageState';
import type { Loaded } from '../api/portfolio-hooks';

/** The loading, error and "counted only part of it" states every widget shares. */
export function WidgetBody<T>({ state, reload, children, truncated }: { state: Loaded<T>; reload: () => void; truncated?: (data: T) => string | null; children: (data: T) => ReactNode }) {
  if (state.status === 'loading') return <LoadingState />;
  if (state.status === 'error') return <ErrorState error={state.error} onRetry={reload} />;
  const note = truncated?.(state.data);
  return (
    <>
      {children(state.data)}
      {note && (
        <Alert severity="info" sx={{ mt: 1 }}>
          {note}
        </Alert>
      )}
    </>
  );
}

export function Muted({ children }: { children: ReactNode }) {
  return <Typography color="text.secondary">{children}</Typography>;
}
