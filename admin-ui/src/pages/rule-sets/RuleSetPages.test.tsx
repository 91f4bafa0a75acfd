import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { i18n } from '../../i18n/i18n';
import { testVersion } from '../../features/rule-sets/test-fixtures';
import { FakeApi, ok, problem } from '../../test-utils/fake-api';
import { renderApp } from '../../test-utils/render-app';
import { analystSession, approverSession } from '../../test-utils/sessions';

const summary = {
  key: 'test-policy',
  family: 'credit-policy',
  name: { zh: '测试授信政策', en: 'Test credit policy' },
  active: { version: 1, contentHash: 'sha256:v1', activatedAt: '2026-11-20T08:00:00.000Z' },
  drafts: [{ version: 2, status: 'in_review', updatedAt: '2026-11-21T08:00:00.000Z', updatedBy: { kind: 'user', id: 'usr_analyst', name: 'analyst' } }],
  latestVersion: 2,
  lastChange: { at: '2026-11-21T08:00:00.000Z', by: { kind: 'user', id: 'usr_analyst', name: 'analyst' } },
};

describe('rule-set list and detail pages', { timeout: 30_000 }, () => {
  it('lists rule sets with the active version, open versions and the last change, in the current language', async () => {
    new FakeApi().on('GET', '/api/v1/auth/me', ok(analystSession)).on('GET', '/api/v1/rule-sets', ok({ items: [summary] })).install();
    renderApp('/rule-sets');
    const row = (await screen.findByRole('link', { name: 'Test credit policy' }, { timeout: 10_000 })).closest('tr')!;
    expect(within(row).getByText('Credit policy')).toBeInTheDocument();
    expect(within(row).getByRole('link', { name: 'Version 1' })).toHaveAttribute('href', '/rule-sets/test-policy/versions/1/editor');
    expect(within(row).getByRole('link', { name: 'Version 2, In review' })).toHaveAttribute('href', '/rule-sets/test-policy/versions/2/editor');
    expect(within(row).getByText('analyst')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Import a file' })).toBeInTheDocument();
    await i18n.changeLanguage('zh-CN');
    expect(await screen.findByRole('link', { name: '测试授信政策' })).toBeInTheDocument();
  });

  it('says so when there are no rule sets, and offers a retry when the list cannot be loaded', async () => {
    const user = userEvent.setup({ delay: null });
    new FakeApi().on('GET', '/api/v1/auth/me', ok(approverSession)).on('GET', '/api/v1/rule-sets', ok({ items: [] })).install();
    const first = renderApp('/rule-sets');
    expect(await screen.findByRole('heading', { name: 'No rule sets yet' }, { timeout: 10_000 })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Import a file' })).not.toBeInTheDocument(); // approvers do not author
    first.unmount();

    let calls = 0;
    new FakeApi()
      .on('GET', '/api/v1/auth/me', ok(analystSession))
      .on('GET', '/api/v1/rule-sets', () => (++calls === 1 ? problem(503, 'store_unavailable', 'The database is not reachable') : ok({ items: [summary] })))
      .install();
    renderApp('/rule-sets');
    expect(await screen.findByText('The database is not reachable')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('link', { name: 'Test credit policy' })).toBeInTheDocument();
  });

  it('shows the version timeline with who did what, and the audit trail only to those who may read it', async () => {
    const versions = [
      { ...testVersion({ status: 'in_review', submitted: { by: { kind: 'user', id: 'usr_analyst', name: 'analyst' }, at: '2026-11-21T09:00:00.000Z', comment: 'leverage line moved' } }), document: undefined },
      { ...testVersion({ version: 1, status: 'active', basedOnVersion: null }), document: undefined },
    ];
    const detail = { ...summary, versions };
    const audit = { items: [{ id: 'aud_1', at: '2026-11-21T09:00:00.000Z', actor: { kind: 'user', id: 'usr_analyst', name: 'analyst' }, action: 'rule-set.submitted', entityType: 'rule-set', entityId: 'test-policy@2', entityKey: 'test-policy', before: { status: 'draft' }, after: { status: 'in_review' }, comment: 'leverage line moved' }], nextCursor: null };
    const analystApi = new FakeApi().on('GET', '/api/v1/auth/me', ok(analystSession)).on('GET', '/api/v1/rule-sets/test-policy', ok(detail)).install();
    const first = renderApp('/rule-sets/test-policy');
    const v2 = (await screen.findByRole('heading', { name: 'Version 2' }, { timeout: 10_000 })).closest('li')!;
    expect(within(v2).getByText(/Submitted for review by analyst/)).toBeInTheDocument();
    expect(within(v2).getByText('leverage line moved')).toBeInTheDocument();
    expect(within(v2).getByText('copied from version 1')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'New draft from version 1' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Audit trail' })).not.toBeInTheDocument();
    expect(analystApi.calls.some((c) => c.path.startsWith('/api/v1/audit'))).toBe(false);
    first.unmount();

    new FakeApi()
      .on('GET', '/api/v1/auth/me', ok(approverSession))
      .on('GET', '/api/v1/rule-sets/test-policy', ok(detail))
      .on('GET', '/api/v1/audit?entity=test-policy&limit=50', ok(audit))
      .install();
    renderApp('/rule-sets/test-policy');
    const trail = await screen.findByRole('table', { name: 'Audit trail' });
    expect(within(trail).getByText('Submitted for review')).toBeInTheDocument();
    expect(within(trail).getByText('Draft → In review')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /New draft/ })).not.toBeInTheDocument();
  });
});
