import { exposureOf, summarize } from '../../clients/client';
import { MAX_SCAN, type ClientFilter, type ClientStore } from '../../clients/client-store';
import { matchesFilter } from '../../clients/client-store-support';
import type { PopulationSource } from './population-source';
import type { PopulationBatch } from './records';

/** What a portfolio simulation reads of the client register: the book in id order, and a count. */
export type PortfolioClients = Pick<ClientStore, 'scan' | 'count'>;

const PAGE = Math.min(2000, MAX_SCAN);

/**
 * The stored portfolio, walked in id order with the register's own filter semantics. Profiles go to the workers,
 * which derive the facts (derive() is the costly part); exposure is the register's (Σ outstanding, else drawn) and
 * the tier the one the last monitoring run set.
 */
export class PortfolioPopulation implements PopulationSource {
  constructor(
    private readonly clients: PortfolioClients,
    private readonly filter: ClientFilter,
  ) {}

  async count(): Promise<number> {
    return this.clients.count(this.filter);
  }

  async *batches(): AsyncIterable<PopulationBatch> {
    let after: string | null = null;
    let seq = 0;
    for (;;) {
      const page = await this.clients.scan(after, PAGE);
      if (!page.length) return;
      after = page[page.length - 1].id;
      const records = page
        .filter((r) => matchesFilter(summarize(r), this.filter))
        .map((r) => ({ recordId: r.id, seq: ++seq, profile: { ...r.profile, id: r.id }, tier: r.segments.tier, exposure: exposureOf(r.profile) }));
      if (records.length) yield { kind: 'clients', records };
      if (page.length < PAGE) return;
    }
  }
}
