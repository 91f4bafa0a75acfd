import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FakeApi, ok, problem } from '../../test-utils/fake-api';
import { renderApp } from '../../test-utils/render-app';
import { analystSession } from '../../test-utils/sessions';
import type { Upload } from '../../features/simulations/api/types';

const slow = { timeout: 10_000 };
const UPLOAD_PATH = '/api/v1/simulations/uploads?kind=facts&format=csv&fileName=population.csv';
const uploaded: Upload = {
  id: 'upl_1',
  kind: 'facts',
  format: 'csv',
  fileName: 'population.csv',
  bytes: 40,
  rows: 2,
  badRows: 0,
  sampleErrors: [],
  columns: ['debtToAsset'],
  exposureField: null,
};
const file = () => new File(['debtToAsset\n0.5\n0.8\n'], 'population.csv', { type: 'text/csv' });

function fakeApi() {
  return new FakeApi()
    .on('GET', '/api/v1/auth/me', ok(analystSession))
    .on('GET', '/api/v1/rule-sets', ok({ items: [] }))
    .on('GET', '/api/v1/simulations?limit=50', ok({ items: [], nextCursor: null }));
}

async function chooseFile() {
  await screen.findByRole('heading', { level: 1, name: 'Simulations' }, slow);
  await userEvent.click(await screen.findByRole('radio', { name: 'A file' }, slow));
  await userEvent.upload(screen.getByTestId('population-file'), file());
}

describe('the simulation set-up', () => {
  it('uploads a population file as the raw body, with the CSRF token, and says how many rows were read', async () => {
    const api = fakeApi().on('POST', UPLOAD_PATH, ok(uploaded, 201)).install();
    renderApp('/simulations?new=1');
    await chooseFile();
    await screen.findByText('population.csv: 2 rows read.', {}, slow);
    const [call] = api.callsTo('POST', UPLOAD_PATH);
    expect(call.rawBody).toBeInstanceOf(File);
    expect(call.headers).toMatchObject({ 'content-type': 'text/csv', 'x-csrf-token': analystSession.csrfToken });
  });

  it("shows the server's reason when it refuses the file", async () => {
    fakeApi().on('POST', UPLOAD_PATH, problem(413, 'payload_too_large', 'The file is larger than the 50 MB an upload may have.')).install();
    renderApp('/simulations?new=1');
    await chooseFile();
    expect(await screen.findByText(/larger than the 50 MB/, {}, slow)).toBeInTheDocument();
  });
});
