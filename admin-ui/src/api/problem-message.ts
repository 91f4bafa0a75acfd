import type { TFunction } from 'i18next';
import { ApiError } from './api-error';

// Server details are written in English. Codes we know get a translated sentence; any other code shows the
// server's own words, which are still more useful than a generic "something went wrong".
const TRANSLATED_CODES = new Set(['invalid_credentials', 'account_locked', 'rate_limited', 'network']);
const CODE_BY_STATUS: Record<number, string> = { 423: 'account_locked', 429: 'rate_limited' };

/** A sentence for the user describing a failed call, in the current language where we know the error. */
export function problemMessage(t: TFunction, error: unknown): string {
  if (!(error instanceof ApiError)) return t('errors.unexpected');
  const code = TRANSLATED_CODES.has(error.code) ? error.code : CODE_BY_STATUS[error.status];
  if (code) return t(`errors.${code}`);
  return error.detail || t('errors.unexpected');
}
