import { csvColumns, profileToRow } from '../../server/src/modules/clients/client-csv';
import { csvLine } from '../../server/src/modules/clients/csv';
import type { ClientProfile } from '../../server/src/modules/facts/client-profile';
import { generateChunk, resolveConfig } from '../../server/src/modules/portfolio/generator';
import { SchemaValidator } from '../../server/src/shared/validation';
import type { ApiClient } from '../support/http-client';

export const AS_OF = '2026-09-30';
export const validator = new SchemaValidator();

/** Realistic profiles from the synthetic portfolio; `seed` keeps the USCCs of different test files apart. */
export function profiles(n: number, seed: number): ClientProfile[] {
  return generateChunk(resolveConfig({ clients: n, seed, asOf: AS_OF }), 0).map((g) => JSON.parse(JSON.stringify(g.profile)) as ClientProfile);
}

/** The domain.md §5.1 worked example, and variants that break it in each way the register names. */
export const USCC = {
  valid: '91350100M000100Y43',
  short: '91350100M000100Y4',
  badCharacter: '91350100M00O100Y43',
  badCheck: '91350100M000100Y44',
};

export function minimalProfile(over: Partial<ClientProfile> = {}): ClientProfile {
  return { uscc: USCC.valid, name: '福州测试机械制造有限公司', country: 'CN', provinceCode: '35', cityCode: '350100', industry: { section: 'C', division: '34' }, ...over };
}

export function expectSchema(id: string, body: unknown): void {
  expect(validator.check(id, body)).toEqual([]);
}

export function jsonl(rows: unknown[]): string {
  return rows.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('\n') + '\n';
}

export function csv(rows: ClientProfile[]): string {
  const cols = csvColumns(validator.schemas.get('client-profile') ?? {});
  return csvLine(cols.order) + rows.map((p) => csvLine(profileToRow(cols, p))).join('');
}

export async function upload(c: ApiClient, body: string, query: string, type = 'application/x-ndjson') {
  return c.request('POST', `/api/v1/clients/import?${query}`, body, { 'content-type': type });
}

/** Polls an import until it has finished. */
export async function finished(c: ApiClient, id: string) {
  for (let i = 0; i < 200; i++) {
    const r = await c.get(`/api/v1/clients/imports/${id}`);
    if (r.body.status === 'completed' || r.body.status === 'failed') return r.body;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`import ${id} did not finish`);
}
