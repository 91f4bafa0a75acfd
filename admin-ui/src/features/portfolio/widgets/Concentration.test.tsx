import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import type { ClientAggregates } from '../../clients/api/types';
import { FakeApi } from '../../../test-utils/fake-api';
import { Concentration } from './Concentration';

// A book far larger than the 5,000 clients the widget used to read page by page: the figures are the server's.
const aggregates: ClientAggregates = {
  count: 120_000,
  exposure: 1_000_000,
  byClass5: [],
  byBookedClass5: [],
  byIfrs9Stage: [],
  byTier: [],
  byRiskLevel: [],
  byIndustry: [{ key: 'C', count: 120_000, exposure: 1_000_000 }],
  byRegion: [
    { key: '44', count: 40_000, exposure: 300_000 },
    { key: '51', count: 60_000, exposure: 500_000 },
    { key: 'CN', count: 1_000, exposure: 50_000 },
    { key: 'SG', count: 19_000, exposure: 150_000 },
  ],
};

describe('concentration of exposure by region', () => {
  it("shows the server's region counts for the whole book, largest first, provinces linked to the client list", () => {
    const fake = new FakeApi().install();
    render(
      <MemoryRouter>
        <Concentration aggregates={aggregates} />
      </MemoryRouter>,
    );
    const table = screen.getByRole('table', { name: 'The 8 largest regions' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual(['Sichuan', 'Guangdong', 'Singapore', 'China, province not given']);
    expect(within(rows[0]).getByText(/50\.0\s?%/)).toBeInTheDocument();
    expect(within(table).getByRole('link', { name: 'Sichuan' })).toHaveAttribute('href', '/clients?region=51');
    expect(within(table).queryByRole('link', { name: 'Singapore' })).toBeNull();
    expect(screen.queryByText(/first 5,000 clients/)).toBeNull();
    expect(fake.calls).toEqual([]);
  });
});
