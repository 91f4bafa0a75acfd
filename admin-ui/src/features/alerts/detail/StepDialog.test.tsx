import { describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FakeApi, ok, problem } from '../../../test-utils/fake-api';
import { alertFixture } from '../test-fixtures';
import { StepDialog } from './StepDialog';

const slow = { timeout: 20_000 };
const ID = alertFixture().id;
const me = 'usr_analyst';
const requested = { requestedAt: '2026-11-23T06:00:00Z', requestedBy: { kind: 'user' as const, id: me, name: 'analyst' }, reason: 'Statement re-filed with an unqualified opinion' };

describe('the four-eyes dismissal dialog', () => {
  it('says a red dismissal is only a request, insists on a reason and sends it with the revision', async () => {
    const api = new FakeApi().on('POST', `/api/v1/alerts/${ID}/dismiss`, (call) => ok(alertFixture({ revision: 4, dismissal: { ...requested, reason: (call.body as { comment: string }).comment } }))).install();
    const done = vi.fn();
    render(<StepDialog step="dismiss" alert={alertFixture()} userId={me} onClose={() => undefined} onDone={done} />);
    expect(screen.getByTestId('four-eyes-note')).toHaveTextContent('A Red alert needs four eyes: this records your request, and the alert stays active until another person confirms it.');
    await userEvent.click(screen.getByRole('button', { name: 'Ask to dismiss' }));
    expect(screen.getByText('Give the reason for dismissing the alert.')).toBeInTheDocument();
    expect(api.calls).toHaveLength(0);

    await userEvent.type(screen.getByLabelText(/Reason for dismissing/), 'Statement re-filed');
    await userEvent.click(screen.getByRole('button', { name: 'Ask to dismiss' }));
    await waitFor(() => expect(done).toHaveBeenCalled());
    const [call] = api.callsTo('POST', `/api/v1/alerts/${ID}/dismiss`);
    expect(call.body).toEqual({ comment: 'Statement re-filed' });
    expect(call.headers['if-match']).toBe('"3"');
    expect(done.mock.calls[0][0].dismissal.reason).toBe('Statement re-filed');
  }, 30_000);

  it('dismisses a yellow alert at once, and says so', () => {
    render(<StepDialog step="dismiss" alert={alertFixture({ severity: 'yellow' })} userId={me} onClose={() => undefined} onDone={() => undefined} />);
    expect(screen.getByTestId('four-eyes-note')).toHaveTextContent('The alert will be closed as dismissed.');
    expect(screen.getByRole('button', { name: 'Dismiss' })).toBeInTheDocument();
  });

  it('does not let the requester confirm their own dismissal', () => {
    render(<StepDialog step="confirm-dismissal" alert={alertFixture({ dismissal: requested })} userId={me} onClose={() => undefined} onDone={() => undefined} />);
    expect(screen.getByText(/analyst asked to dismiss this alert/)).toBeInTheDocument();
    expect(screen.getByText('You asked for this dismissal, so someone else must confirm it (four eyes).')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Confirm and dismiss' })).toBeDisabled();
  });

  it('lets a second person confirm, and shows the server four-eyes refusal in words', async () => {
    new FakeApi().on('POST', `/api/v1/alerts/${ID}/confirm-dismissal`, problem(403, 'four_eyes', 'Four eyes: the person who asked to dismiss an alert cannot confirm it; someone else must.')).install();
    render(<StepDialog step="confirm-dismissal" alert={alertFixture({ dismissal: requested })} userId="usr_approver" onClose={() => undefined} onDone={() => undefined} />);
    await userEvent.click(screen.getByRole('button', { name: 'Confirm and dismiss' }));
    expect(await screen.findByText('You asked for this dismissal, so someone else must confirm it (four eyes).', {}, slow)).toBeInTheDocument();
  }, 30_000);

  it('shows a problem about the comment at the field', async () => {
    new FakeApi()
      .on('POST', `/api/v1/alerts/${ID}/resolve`, problem(422, 'validation_failed', 'The request is not valid.', { errors: [{ pointer: '/comment', message: 'must say what was done, not only "ok"' }] }))
      .install();
    render(<StepDialog step="resolve" alert={alertFixture()} userId={me} onClose={() => undefined} onDone={() => undefined} />);
    await userEvent.type(screen.getByLabelText(/What was done/), 'ok');
    await userEvent.click(screen.getByRole('button', { name: 'Resolve' }));
    expect(await screen.findByText('must say what was done, not only "ok"', {}, slow)).toBeInTheDocument();
    expect(screen.getByLabelText(/What was done/)).toHaveAttribute('aria-invalid', 'true');
  }, 30_000);
});
