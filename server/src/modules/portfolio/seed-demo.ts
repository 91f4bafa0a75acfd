import { SYSTEM_ACTOR } from '../../shared/actor';
import type { ClientService } from '../clients/client-service';
import { lastQuarterEnd } from './config';
import { generatePortfolio, resolveConfig } from './generator';

/**
 * Loads a demo book into an empty register: `n` synthetic clients (portfolio-spec.md) as of the last quarter end
 * before `today`, so the facts the UI shows are current. Upserted in batches as the system; about a second per
 * thousand clients on the embedded store.
 */
export async function seedDemoPortfolio(clients: ClientService, n = 2000, seed = 42, today = new Date().toISOString().slice(0, 10)): Promise<{ clients: number; asOf: string }> {
  const asOf = lastQuarterEnd(today);
  let batch = [];
  let count = 0;
  for (const g of generatePortfolio(resolveConfig({ clients: n, seed, asOf }))) {
    batch.push(g.profile);
    if (batch.length === 500) {
      count += (await clients.upsertMany(batch, SYSTEM_ACTOR, { importId: 'demo-portfolio' })).length;
      batch = [];
    }
  }
  if (batch.length) count += (await clients.upsertMany(batch, SYSTEM_ACTOR, { importId: 'demo-portfolio' })).length;
  return { clients: count, asOf };
}
