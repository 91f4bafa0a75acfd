import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { i18n } from '../i18n/i18n';
import { FakeApi, ok, problem } from '../test-utils/fake-api';
import { renderApp } from '../test-utils/render-app';

describe('language switch', () => {
  it('starts in Chinese and switches to English in one click, remembering the choice', async () => {
    await i18n.changeLanguage('zh-CN');
    new FakeApi().on('GET', '/api/v1/auth/me', problem(401, 'unauthenticated')).on('GET', '/api/v1/meta', ok({})).install();
    renderApp('/login');
    expect(await screen.findByRole('heading', { name: '登录' })).toBeInTheDocument();
    expect(screen.getByLabelText(/用户名/)).toBeInTheDocument();

    await userEvent.setup().click(screen.getByRole('button', { name: /English/ }));

    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    expect(localStorage.getItem('covenant.language')).toBe('en');
    expect(document.documentElement.lang).toBe('en');
    expect(screen.getByRole('button', { name: /中文/ })).toBeInTheDocument();
  });
});
