import { closeSync, openSync, readSync } from 'node:fs';
import type { ClientProfile } from '../../facts/client-profile';
import { exposureOf } from '../../clients/client';
import { derive } from '../../facts/derive';
import type { Dimension, UploadFormat, UploadKind } from '../simulation';
import { describeValue } from '../../../shared/validation';
import { Bad, csvRowReader, type InputTypes } from './row-typing';
import { RowScanner, splitCsv } from './row-scanner';

/**
 * Population batches as the main thread hands them to workers (plain data: they cross postMessage), and their
 * reading into records on the worker side. An upload batch is only a byte range: the worker reads the file itself,
 * so a million rows never pass through the main thread twice.
 */
export type PopulationBatch =
  | { kind: 'file'; path: string; format: UploadFormat; recordKind: UploadKind; columns: string[] | null; start: number; end: number; row: number; line: number }
  | { kind: 'facts'; records: { recordId: string; seq: number; ref: string | null; facts: Record<string, unknown>; asOf: string | null }[] }
  | { kind: 'clients'; records: { recordId: string; seq: number; profile: ClientProfile; tier: string | null; exposure: number }[] };

export interface PopulationRecord {
  recordId: string;
  seq: number;
  ref: string | null;
  facts: Record<string, unknown>;
  asOf: string | null;
  exposure: number;
  dims: Partial<Record<Dimension, string>>;
}

export interface SkippedRecord {
  recordId: string;
  seq: number;
  reason: string;
}

/** Where a facts record keeps its breakdown dimensions, its reference and (by default) its exposure. */
export const DIMENSION_FIELDS: Record<Dimension, string[]> = {
  industry: ['industry', 'industrySection'],
  region: ['region', 'provinceCode'],
  tier: ['tier', 'clientTier'],
  size: ['size', 'sizeClass'],
};
export const REF_FIELDS = ['id', 'ref', 'clientId', 'reference'];
export const EXPOSURE_FIELDS = ['exposure', 'drawnAmount', 'drawn', 'outstanding', 'totalOutstanding', 'ead'];

export const uploadRecordId = (row: number) => `row-${row}`;

export interface ReaderOptions {
  types: InputTypes;
  /** The facts field holding exposure; null: the first of EXPOSURE_FIELDS present. */
  exposureField: string | null;
  /** Reference date for deriving client facts (YYYY-MM-DD). */
  deriveAsOf: string;
}

/** Structural minimum of a client profile line, checked at upload and again before deriving. */
export function clientProblem(v: unknown): string | null {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return `must be a JSON object (a client profile); it was ${describeValue(v)}`;
  const p = v as Partial<ClientProfile>;
  if (typeof p.name !== 'string' || !p.name) return 'a client profile needs a name';
  if (typeof p.country !== 'string') return 'a client profile needs a country (ISO 3166-1 alpha-2)';
  if (!p.industry || typeof p.industry !== 'object' || typeof p.industry.section !== 'string') return 'a client profile needs industry.section';
  return null;
}

/** One JSONL facts line → facts, or why not. Values keep their JSON types; the versions' inputs check them. */
export function jsonFacts(text: string): Record<string, unknown> | Bad {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (e) {
    return new Bad(`is not valid JSON (${(e as Error).message})`);
  }
  if (!v || typeof v !== 'object' || Array.isArray(v)) return new Bad(`must be a JSON object of facts; it was ${describeValue(v)}`);
  return v as Record<string, unknown>;
}

export class RecordReader {
  private readonly csvReaders = new Map<string, ReturnType<typeof csvRowReader>>();

  constructor(private readonly o: ReaderOptions) {}

  read(batch: PopulationBatch, emit: (r: PopulationRecord) => void, skip: (s: SkippedRecord) => void): void {
    if (batch.kind === 'facts') {
      for (const r of batch.records) emit(this.factsRecord(r.recordId, r.seq, r.ref, r.facts, r.asOf));
    } else if (batch.kind === 'clients') {
      for (const r of batch.records) this.client(r.recordId, r.seq, r.profile, emit, skip, r.tier, r.exposure);
    } else this.readFile(batch, emit, skip);
  }

  private readFile(b: Extract<PopulationBatch, { kind: 'file' }>, emit: (r: PopulationRecord) => void, skip: (s: SkippedRecord) => void): void {
    const buf = Buffer.allocUnsafe(b.end - b.start);
    const fd = openSync(b.path, 'r');
    try {
      let got = 0;
      while (got < buf.length) {
        const n = readSync(fd, buf, got, buf.length - got, b.start + got);
        if (n === 0) throw new Error(`the upload file ${b.path} is shorter than recorded`);
        got += n;
      }
    } finally {
      closeSync(fd);
    }
    let row = b.row;
    const csv = b.format === 'csv';
    const toFacts = csv ? this.csvReader(b.columns ?? []) : null;
    const scanner = new RowScanner(csv, ({ bytes }) => {
      if (bytes.length === 0) return; // blank lines are not rows (the upload does not count them either)
      const seq = row++;
      const recordId = uploadRecordId(seq);
      const text = bytes.toString('utf8');
      if (b.recordKind === 'clients') {
        let profile: unknown;
        try {
          profile = JSON.parse(text);
        } catch (e) {
          return skip({ recordId, seq, reason: `is not valid JSON (${(e as Error).message})` });
        }
        return this.client(recordId, seq, profile as ClientProfile, emit, skip);
      }
      const facts = toFacts ? toFacts(splitCsv(text)) : jsonFacts(text);
      if (facts instanceof Bad) return skip({ recordId, seq, reason: facts.reason });
      emit(this.factsRecord(recordId, seq, null, facts, null));
    }, b.start, b.line);
    scanner.push(buf);
    scanner.end();
  }

  private csvReader(columns: string[]) {
    const key = columns.join('\u0000');
    let r = this.csvReaders.get(key);
    if (!r) this.csvReaders.set(key, (r = csvRowReader(columns, this.o.types)));
    return r;
  }

  private factsRecord(recordId: string, seq: number, ref: string | null, facts: Record<string, unknown>, asOf: string | null): PopulationRecord {
    const dims: Partial<Record<Dimension, string>> = {};
    for (const d in DIMENSION_FIELDS) {
      for (const f of DIMENSION_FIELDS[d as Dimension]) {
        const v = facts[f];
        if (v !== undefined && v !== null && v !== '') {
          dims[d as Dimension] = String(v);
          break;
        }
      }
    }
    if (ref === null) {
      for (const f of REF_FIELDS) {
        const v = facts[f];
        if (v !== undefined && v !== null && v !== '') {
          ref = String(v);
          break;
        }
      }
    }
    return { recordId, seq, ref, facts, asOf, exposure: this.exposureOf(facts), dims };
  }

  private exposureOf(facts: Record<string, unknown>): number {
    if (this.o.exposureField !== null) {
      const v = facts[this.o.exposureField];
      return typeof v === 'number' && Number.isFinite(v) ? v : 0;
    }
    for (const f of EXPOSURE_FIELDS) {
      const v = facts[f];
      if (typeof v === 'number' && Number.isFinite(v)) return v;
    }
    return 0;
  }

  private client(recordId: string, seq: number, profile: ClientProfile, emit: (r: PopulationRecord) => void, skip: (s: SkippedRecord) => void, tier: string | null = null, exposure?: number): void {
    const problem = clientProblem(profile);
    if (problem) return skip({ recordId, seq, reason: problem });
    let facts: Record<string, unknown>;
    try {
      facts = derive(profile, { asOf: this.o.deriveAsOf }).facts;
    } catch (e) {
      return skip({ recordId, seq, reason: `its facts could not be derived: ${(e as Error).message}` });
    }
    const dims: Partial<Record<Dimension, string>> = {};
    if (profile.industry?.section) dims.industry = profile.industry.section;
    if (profile.provinceCode) dims.region = profile.provinceCode;
    if (profile.sizeClass) dims.size = profile.sizeClass;
    if (tier) dims.tier = tier;
    emit({ recordId, seq, ref: profile.id ?? null, facts, asOf: this.o.deriveAsOf, exposure: exposure ?? exposureOf(profile), dims });
  }
}
