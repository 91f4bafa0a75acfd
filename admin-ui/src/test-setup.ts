import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import { i18n } from './i18n/i18n';
import { setCsrfToken } from './api/http';

// Tests read in English unless they switch; the zh-CN default has its own test.
beforeEach(async () => {
  await i18n.changeLanguage('en');
});

// Vitest runs without globals, so Testing Library cannot register its own cleanup.
afterEach(() => {
  cleanup();
  localStorage.clear();
  setCsrfToken(undefined);
});
