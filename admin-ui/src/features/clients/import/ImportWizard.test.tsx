import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FakeApi, ok, problem } from '../../../test-utils/fake-api';
import { renderApp } from '../../../test-utils/render-app';
import { analystSession } from '../../../test-utils/sessions';
import type { ImportJob } from '../api/types';

const slow = { timeout: 10_000 };
const ID = 'imp_0mwt1a2b3c4d5e6f7g8h';

function job(over: Partial<ImportJob>): ImportJob {
  return {
    id: ID,
    mode: 'skip-bad-rows',
    format: 'csv',
    status: 'completed',
    createdAt: '2026-11-23T06:00:00Z',
    createdBy: { kind: 'user', id: 'usr_analyst', name: 'analyst' },
    finishedAt: '2026-11-23T06:00:01Z',
    processed: 3,
    total: 3,
    valid: 2,
    committed: 2,
    created: 2,
    updated: 0,
    badRows: 1,
    errorCount: 1,
    errors: [{ row: 3, pointer: '/uscc', code: 'uscc_length', message: 'the USCC must have 18 characters; it has 17' }],
    errorsTruncated: false,
    message: null,
    ...over,
  };
}

const csv = () => new File(['uscc,name,country,industry.section\n91350100M000100Y43,福州测试机械制造有限公司,CN,C\n'], 'clients.csv', { type: 'text/csv' });

describe('the client import wizard', () => {
  it('takes a CSV file and a mode, sends the file as the body and shows the bad row with its download', async () => {
    const api = new FakeApi()
      .on('GET', '/api/v1/auth/me', ok(analystSession))
      .on('POST', '/api/v1/clients/import?mode=skip-bad-rows&format=csv', ok(job({}), 202))
      .install();
    renderApp('/clients/import');
    await screen.findByRole('heading', { level: 1, name: 'Import clients' }, slow);
    expect(screen.getByRole('button', { name: 'Import' })).toBeDisabled();

    await userEvent.upload(screen.getByTestId('import-file'), csv());
    expect(screen.getByTestId('chosen-file')).toHaveTextContent('clients.csv');
    expect(screen.getByRole('radio', { name: 'CSV' })).toBeChecked();
    expect(screen.getByRole('radio', { name: /All or nothing/ })).toBeChecked();
    await userEvent.click(screen.getByRole('radio', { name: /Skip bad rows/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Import' }));

    await screen.findByText('2 clients written: 2 new, 0 updated.', {}, slow);
    const [call] = api.callsTo('POST', '/api/v1/clients/import?mode=skip-bad-rows&format=csv');
    expect(call.headers['content-type']).toBe('text/csv');
    expect(call.headers['x-csrf-token']).toBe(analystSession.csrfToken);
    const errors = screen.getByRole('table', { name: 'Problems by row' });
    const row = within(errors).getAllByRole('row')[1];
    expect(row).toHaveTextContent('3');
    expect(row).toHaveTextContent('/uscc');
    expect(row).toHaveTextContent('the USCC must have 18 characters; it has 17');
    expect(screen.getByRole('link', { name: 'Download the problems (CSV)' })).toHaveAttribute('href', `/api/v1/clients/imports/${ID}/errors.csv`);
    expect(screen.getByText('Rows are CSV records; the header is row 1.')).toBeInTheDocument();
  }, 30_000);

  it('follows an all-or-nothing import while it commits, with a progress bar', async () => {
    let polls = 0;
    new FakeApi()
      .on('GET', '/api/v1/auth/me', ok(analystSession))
      .on('POST', '/api/v1/clients/import?mode=all-or-nothing&format=jsonl', ok(job({ mode: 'all-or-nothing', format: 'jsonl', status: 'committing', valid: 4, committed: 0, badRows: 0, errorCount: 0, errors: [] }), 202))
      .on('GET', `/api/v1/clients/imports/${ID}`, () =>
        ok(
          ++polls < 2
            ? job({ mode: 'all-or-nothing', format: 'jsonl', status: 'committing', valid: 4, committed: 2, badRows: 0, errorCount: 0, errors: [] })
            : job({ mode: 'all-or-nothing', format: 'jsonl', status: 'completed', valid: 4, committed: 4, created: 3, updated: 1, badRows: 0, errorCount: 0, errors: [] }),
        ),
      )
      .install();
    renderApp('/clients/import');
    await screen.findByRole('heading', { level: 1, name: 'Import clients' }, slow);
    await userEvent.upload(screen.getByTestId('import-file'), new File(['{"name":"x"}\n'], 'book.jsonl'));
    expect(screen.getByRole('radio', { name: 'JSON Lines' })).toBeChecked();
    await userEvent.click(screen.getByRole('button', { name: 'Import' }));
    const bar = await screen.findByRole('progressbar', { name: 'Import progress' }, slow);
    await waitFor(() => expect(bar).toHaveAttribute('aria-valuenow', '50'), slow);
    expect(screen.getByText('Writing: 2 of 4 clients…')).toBeInTheDocument();
    await screen.findByText('4 clients written: 3 new, 1 updated.', {}, slow);
    expect(screen.queryByRole('table', { name: 'Problems by row' })).toBeNull();
  }, 30_000);

  it('says when all-or-nothing imported nothing, and shows a refused file at the first step', async () => {
    new FakeApi()
      .on('GET', '/api/v1/auth/me', ok(analystSession))
      .on('POST', '/api/v1/clients/import?mode=all-or-nothing&format=csv', ok(job({ mode: 'all-or-nothing', status: 'failed', committed: 0, created: 0, message: '1 row has problems, so nothing was imported (all-or-nothing).' }), 202))
      .install();
    renderApp('/clients/import');
    await screen.findByRole('heading', { level: 1, name: 'Import clients' }, slow);
    await userEvent.upload(screen.getByTestId('import-file'), csv());
    await userEvent.click(screen.getByRole('button', { name: 'Import' }));
    await screen.findByText(/Nothing was imported: with all or nothing, one bad row stops the whole file./, {}, slow);
    expect(screen.getByText('the USCC must have 18 characters; it has 17')).toBeInTheDocument();

    // Start again with a file the server refuses outright.
    await userEvent.click(screen.getByRole('button', { name: 'Import another file' }));
    new FakeApi()
      .on('GET', '/api/v1/auth/me', ok(analystSession))
      .on('POST', '/api/v1/clients/import?mode=all-or-nothing&format=csv', problem(415, 'unsupported_media_type', 'Send the file as the raw body: text/csv (or application/octet-stream); it was application/json.'))
      .install();
    await userEvent.upload(screen.getByTestId('import-file'), csv());
    await userEvent.click(screen.getByRole('button', { name: 'Import' }));
    await screen.findByText(/Send the file as the raw body/, {}, slow);
    expect(screen.getByRole('button', { name: 'Import' })).toBeEnabled();
  }, 30_000);
});
