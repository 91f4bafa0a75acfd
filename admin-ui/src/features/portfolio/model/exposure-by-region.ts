import type { Bucket } from '../../clients/api/types';

export interface RegionRow {
  /** A GB/T 2260 province code (`51`), or an ISO 3166-1 country (`SG`; `CN`: China, province not given). */
  key: string;
  /** True for a province code: the client list can filter on it. */
  province: boolean;
  count: number;
  exposure: number;
}

/**
 * Exposure by region, largest first, from the server's `byRegion` buckets of GET /api/v1/clients/aggregates: the
 * whole book counted by the store (Chinese clients by province, the others by country), not pages read here.
 */
export function exposureByRegion(buckets: readonly Bucket<string>[]): RegionRow[] {
  return buckets
    .map((b) => ({ key: b.key, province: /^\d{2}$/.test(b.key), count: b.count, exposure: b.exposure }))
    .sort((a, b) => b.exposure - a.exposure || b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
