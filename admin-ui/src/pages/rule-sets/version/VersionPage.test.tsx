import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { RuleSetVersion } from '../../../features/rule-sets/api/types';
import { testCatalog, testVersion } from '../../../features/rule-sets/test-fixtures';
import { FakeApi, ok, problem } from '../../../test-utils/fake-api';
import { renderApp } from '../../../test-utils/render-app';
import { analystSession, approverSession } from '../../../test-utils/sessions';
import type { Session } from '../../../auth/session';

const V = '/api/v1/rule-sets/test-policy/versions/2';

function api(version: RuleSetVersion, session: Session = analystSession) {
  return new FakeApi()
    .on('GET', '/api/v1/auth/me', ok(session))
    .on('GET', V, ok(version))
    .on('GET', `${V}/publish-check`, ok({ errors: [], warnings: [], tests: { total: 1, passed: 1, failed: [] } }))
    .on('GET', '/api/v1/facts', ok(testCatalog))
    .on(
      'GET',
      '/api/v1/rule-sets/test-policy',
      ok({
        key: 'test-policy',
        family: 'credit-policy',
        name: version.document.name,
        active: { version: 1, contentHash: 'sha256:v1' },
        drafts: [],
        latestVersion: 2,
        lastChange: { at: version.updatedAt, by: version.updatedBy },
        versions: [{ ...version, document: undefined }, { ...version, version: 1, status: 'active' }],
      }),
    );
}

async function openRule(user: ReturnType<typeof userEvent.setup>, name: string) {
  await user.click(await screen.findByRole('button', { name: new RegExp(name) }, { timeout: 10_000 }));
}

const leaf = (pointer: string) => document.querySelector<HTMLElement>(`[data-pointer="${pointer}"]`)!;

describe('rule-set version page', { timeout: 60_000 }, () => {
  it('keeps the visual editor and the JSON view in step both ways; JSON that does not parse changes nothing', async () => {
    const user = userEvent.setup({ delay: null });
    api(testVersion()).install();
    renderApp('/rule-sets/test-policy/versions/2/editor');
    await openRule(user, 'leverage-above-line');
    const value = within(leaf('/rules/0/conditions/all/0')).getByRole('textbox', { name: 'Value' });
    await user.clear(value);
    await user.type(value, '75');
    expect(screen.getByText('Unsaved changes')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'JSON' }));
    const json = screen.getByRole('textbox', { name: 'Rule-set document (JSON)' }) as HTMLTextAreaElement;
    expect(JSON.parse(json.value).rules[0].conditions.all[0].value).toBe(0.75);

    // An edit in the JSON view shows in the builder.
    const edited = json.value.replace('"value": 0.75', '"value": 0.8');
    await user.clear(json);
    await user.click(json);
    await user.paste(edited);
    await user.click(screen.getByRole('button', { name: 'Visual' }));
    expect(within(leaf('/rules/0/conditions/all/0')).getByRole('textbox', { name: 'Value' })).toHaveValue('80');

    // Broken JSON shows where it breaks and leaves the builder as it was.
    await user.click(screen.getByRole('button', { name: 'JSON' }));
    await user.type(screen.getByRole('textbox', { name: 'Rule-set document (JSON)' }), 'oops');
    expect(screen.getByRole('alert')).toHaveTextContent(/does not parse/);
    await user.click(screen.getByRole('button', { name: 'Visual' }));
    expect(screen.getByText(/holds text that does not parse/)).toBeInTheDocument();
    expect(within(leaf('/rules/0/conditions/all/0')).getByRole('textbox', { name: 'Value' })).toHaveValue('80');
    expect(screen.getByRole('button', { name: 'Save draft' })).toBeDisabled();
  });

  it('saves with If-Match, and shows the server\'s problems at the condition their pointer names', async () => {
    const user = userEvent.setup({ delay: null });
    const fake = api(testVersion())
      .on('PUT', V, problem(422, 'validation_failed', 'The rule set is not valid: 1 problem.', { errors: [{ pointer: '/rules/0/conditions/all/0/value', message: 'is above the regulatory ceiling' }] }))
      .install();
    renderApp('/rule-sets/test-policy/versions/2/editor');
    await openRule(user, 'leverage-above-line');
    const value = within(leaf('/rules/0/conditions/all/0')).getByRole('textbox', { name: 'Value' });
    await user.clear(value);
    await user.type(value, '95');
    await user.click(screen.getByRole('button', { name: 'Save draft' }));

    const put = await waitFor(() => {
      const call = fake.callsTo('PUT', V)[0];
      expect(call).toBeDefined();
      return call;
    });
    expect(put.headers['if-match']).toBe('"3"');
    expect((put.body as { rules: { conditions: { all: { value: number }[] } }[] }).rules[0].conditions.all[0].value).toBe(0.95);
    expect(await within(leaf('/rules/0/conditions/all/0')).findByText('is above the regulatory ceiling')).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('The server refused the draft: 1 problem');
  });

  it('finds schema problems in the browser before the server does, and does not send the draft', async () => {
    const user = userEvent.setup({ delay: null });
    const fake = api(testVersion()).install();
    renderApp('/rule-sets/test-policy/versions/2/editor');
    await openRule(user, 'npl-arrears');
    const name = screen.getByRole('textbox', { name: 'Rule name' });
    await user.clear(name);
    await user.type(name, 'leverage-above-line');
    expect(await screen.findByText(/repeats the name of rule 1/)).toBeInTheDocument();
    await user.clear(screen.getByRole('textbox', { name: 'Rule name' }));
    expect(screen.getByText('must not be empty')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Save draft' })).toBeDisabled();
    expect(screen.getByText(/Fix the 1 problem marked in red/)).toBeInTheDocument();
    expect(fake.callsTo('PUT', V)).toHaveLength(0);
  });

  it('asks before leaving a draft with unsaved changes, but not when moving between its tabs', async () => {
    const user = userEvent.setup({ delay: null });
    api(testVersion()).on('GET', '/api/v1/rule-sets', ok({ items: [] })).install();
    const { location } = renderApp('/rule-sets/test-policy/versions/2/editor');
    await openRule(user, 'leverage-above-line');
    await user.type(within(leaf('/rules/0/conditions/all/0')).getByRole('textbox', { name: 'Value' }), '1');

    await user.click(screen.getByRole('tab', { name: 'Test cases' }));
    expect(location()).toBe('/rule-sets/test-policy/versions/2/tests');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();

    await user.click(within(screen.getByRole('navigation', { name: 'Where you are' })).getByRole('link', { name: 'Rule sets' }));
    const dialog = await screen.findByRole('dialog', { name: 'Leave without saving?' });
    await user.click(within(dialog).getByRole('button', { name: 'Stay and keep editing' }));
    expect(location()).toBe('/rule-sets/test-policy/versions/2/tests');
    expect(screen.getByText('Unsaved changes')).toBeInTheDocument();
  });

  it('offers to reload when someone else saved first', async () => {
    const user = userEvent.setup({ delay: null });
    api(testVersion()).on('PUT', V, problem(409, 'revision_conflict', 'stale')).install();
    renderApp('/rule-sets/test-policy/versions/2/editor');
    await openRule(user, 'leverage-above-line');
    await user.type(within(leaf('/rules/0/conditions/all/0')).getByRole('textbox', { name: 'Value' }), '1');
    await user.click(screen.getByRole('button', { name: 'Save draft' }));
    const dialog = await screen.findByRole('dialog', { name: 'Someone else saved this draft' });
    expect(within(dialog).getByRole('button', { name: 'Reload their version' })).toBeInTheDocument();
  });

  it('shows an active version read-only, without edit buttons, to someone who cannot write', async () => {
    const user = userEvent.setup({ delay: null });
    api(testVersion({ status: 'active' }), approverSession).install();
    renderApp('/rule-sets/test-policy/versions/2');
    await openRule(user, 'leverage-above-line');
    expect(within(leaf('/rules/0/conditions/all/0')).getByRole('textbox', { name: 'Value' })).toHaveAttribute('readonly');
    expect(screen.queryByRole('button', { name: 'Save draft' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Add a rule' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Condition' })).not.toBeInTheDocument();
    expect(screen.getByText('Read only: only drafts can be edited.')).toBeInTheDocument();
  });

  it('tells an approver who also wrote the version that someone else must approve it', async () => {
    api(testVersion({ status: 'in_review', authors: ['usr_analyst', approverSession.user.id] }), approverSession).install();
    renderApp('/rule-sets/test-policy/versions/2');
    expect(await screen.findByText('You wrote or edited this version, so someone else must approve it (four eyes).')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Approve' })).toBeDisabled();
  });

  it('shows a four-eyes refusal from the server, and names what an activation changes', async () => {
    const user = userEvent.setup({ delay: null });
    api(testVersion({ status: 'in_review' }), approverSession)
      .on('POST', `${V}/approve`, problem(403, 'four_eyes', 'You wrote or edited this version'))
      .install();
    const first = renderApp('/rule-sets/test-policy/versions/2');
    await user.click(await screen.findByRole('button', { name: 'Approve' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Approve' }));
    expect(await within(screen.getByRole('dialog')).findByText('You wrote or edited this version, so someone else must approve it (four eyes).')).toBeInTheDocument();
    first.unmount();

    const fake = api(testVersion({ status: 'approved' }), approverSession)
      .on('POST', `${V}/activate`, ok(testVersion({ status: 'active', revision: 5 })))
      .install();
    renderApp('/rule-sets/test-policy/versions/2');
    await user.click(await screen.findByRole('button', { name: 'Make active' }));
    const dialog = screen.getByRole('dialog', { name: 'Make version 2 active' });
    expect(within(dialog).getByText(/Version 2 becomes active; version 1 is retired/)).toBeInTheDocument();
    await user.type(within(dialog).getByRole('textbox', { name: 'Comment (optional)' }), 'per credit committee 12/2026');
    await user.click(within(dialog).getByRole('button', { name: 'Make active' }));
    await waitFor(() => expect(fake.callsTo('POST', `${V}/activate`)[0]?.body).toEqual({ comment: 'per credit committee 12/2026' }));
    expect(await screen.findAllByText('Active')).not.toHaveLength(0);
  });
});
