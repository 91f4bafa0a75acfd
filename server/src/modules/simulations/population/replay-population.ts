import type { DecisionLogStore } from '../../decisions/decision-log-store';
import type { PopulationSource } from './population-source';
import type { PopulationBatch } from './records';

const PAGE = 500;

/**
 * Past decisions of a rule set, replayed: each record's facts (as sent, plus what the service derived, as the
 * decision API's own replay merges them) evaluated on
 * its own asOf date, unless the simulation fixes one. Read newest first, as the log pages.
 */
export class ReplayPopulation implements PopulationSource {
  constructor(
    private readonly log: DecisionLogStore,
    private readonly ruleSetKey: string,
    private readonly from: string,
    private readonly to: string,
  ) {}

  async count(): Promise<number | null> {
    // The log's port has no count; a store that offers one is used.
    const counter = (this.log as { count?: (q: object) => Promise<number> }).count;
    return counter ? counter.call(this.log, { ruleSet: this.ruleSetKey, from: this.from, to: this.to }) : null;
  }

  async *batches(): AsyncIterable<PopulationBatch> {
    let cursor: string | undefined;
    let seq = 0;
    for (;;) {
      const page = await this.log.list({ ruleSet: this.ruleSetKey, from: this.from, to: this.to, cursor, limit: PAGE });
      if (page.items.length)
        yield {
          kind: 'facts',
          records: page.items.map((d) => ({ recordId: d.id, seq: ++seq, ref: d.clientId ?? d.ref ?? d.id, facts: { ...d.facts, ...d.derivedFacts }, asOf: d.asOf })),
        };
      if (!page.nextCursor) return;
      cursor = page.nextCursor;
    }
  }
}
