import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync, unlinkSync } from 'node:fs';
import { open, unlink, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { DecisionRecord } from './decision';

export interface SpoolLimits {
  /** Refuse decisions (503 spool_full) rather than spool more than this many records… */
  maxRecords: number;
  /** …or more than this many bytes. */
  maxBytes: number;
}

/** A sealed segment: no longer appended to, waiting to be replayed into the store and then deleted. */
export interface SealedSegment {
  path: string;
  records: number;
  bytes: number;
}

const PREFIX = '{"sum":"';
const MIDDLE = '","rec":';
const SUM_LENGTH = 16;
const HEADER_LENGTH = PREFIX.length + SUM_LENGTH + MIDDLE.length;
const checksum = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, SUM_LENGTH);

/**
 * The local fail-static spool: when the decision log cannot be written, decisions are appended here and fsync'd
 * before they are answered, then replayed into the store when it is back (docs/decisions/005).
 *
 * Files are JSON lines, `{"sum":"<16 hex of sha256>","rec":<record>}`, the checksum taken over the record's text
 * exactly as written. A line whose checksum does not match — a torn last line after a crash mid-write — is
 * ignored: its write never completed, so its decision was never acknowledged. Records go to an active segment;
 * `seal()` closes it so replay can read a segment nobody writes to any more. Appends and seals are serialised.
 */
export class DecisionSpool {
  private active: { path: string; fh: FileHandle; records: number; bytes: number } | null = null;
  private sealed: SealedSegment[] = [];
  private chain: Promise<unknown> = Promise.resolve();
  private seq = 0;

  constructor(
    readonly dir: string,
    readonly limits: SpoolLimits,
    private readonly log: Logger,
  ) {}

  /** Finds the segments a previous process left behind (all of them sealed now). */
  open(): void {
    mkdirSync(this.dir, { recursive: true });
    for (const name of readdirSync(this.dir).filter((n) => /^spool-.*\.jsonl$/.test(n)).sort()) {
      const path = join(this.dir, name);
      const { records } = readSegment(path, this.log);
      if (records.length) this.sealed.push({ path, records: records.length, bytes: statSync(path).size });
      else unlinkSync(path);
    }
    if (this.sealed.length) this.log.warn({ records: this.depth, segments: this.sealed.length }, 'decision spool: found records a previous run could not write to the store; they will be replayed');
  }

  get depth(): number {
    return this.sealed.reduce((n, s) => n + s.records, 0) + (this.active?.records ?? 0);
  }

  get bytes(): number {
    return this.sealed.reduce((n, s) => n + s.bytes, 0) + (this.active?.bytes ?? 0);
  }

  /** Whether `records` more records of about `bytes` would go past a limit. */
  wouldOverflow(records: number, bytes: number): boolean {
    return this.depth + records > this.limits.maxRecords || this.bytes + bytes > this.limits.maxBytes;
  }

  /** Serialises records as spool lines (done before the size check, so the check sees the real size). */
  static encode(records: DecisionRecord[]): Buffer {
    let text = '';
    for (const r of records) {
      const json = JSON.stringify(r);
      text += `${PREFIX}${checksum(json)}${MIDDLE}${json}}\n`;
    }
    return Buffer.from(text, 'utf8');
  }

  /** Appends already-encoded lines and waits for fsync: when this resolves, the records survive a crash. */
  append(encoded: Buffer, records: number): Promise<void> {
    return this.serial(async () => {
      if (!this.active) {
        const path = join(this.dir, `spool-${Date.now().toString().padStart(15, '0')}-${String(this.seq++).padStart(6, '0')}-${process.pid}.jsonl`);
        this.active = { path, fh: await open(path, 'a'), records: 0, bytes: 0 };
      }
      const a = this.active;
      await a.fh.write(encoded);
      await a.fh.sync();
      a.records += records;
      a.bytes += encoded.length;
    });
  }

  /** Closes the active segment (if any) so it can be replayed; returns every sealed segment, oldest first. */
  seal(): Promise<SealedSegment[]> {
    return this.serial(async () => {
      if (this.active) {
        // Moved to `sealed` before the first await, so `depth` never misses these records, not even for a moment.
        const a = this.active;
        this.active = null;
        if (a.records) this.sealed.push({ path: a.path, records: a.records, bytes: a.bytes });
        await a.fh.close();
        if (!a.records) await unlink(a.path).catch(() => {});
      }
      return [...this.sealed];
    });
  }

  /** The records of a sealed segment; a torn or corrupt line is skipped (and logged). */
  read(segment: SealedSegment): DecisionRecord[] {
    return readSegment(segment.path, this.log).records;
  }

  /** Deletes a segment whose records are all in the store now. */
  async remove(segment: SealedSegment): Promise<void> {
    await this.serial(async () => {
      await unlink(segment.path).catch((e: NodeJS.ErrnoException) => {
        if (e.code !== 'ENOENT') throw e;
      });
      this.sealed = this.sealed.filter((s) => s.path !== segment.path);
    });
  }

  /** Keeps records the store refuses one by one in a file of their own, for an operator to look at. */
  async quarantine(records: DecisionRecord[]): Promise<string> {
    const path = join(this.dir, `quarantine-${Date.now()}-${this.seq++}.jsonl`);
    const fh = await open(path, 'a');
    await fh.write(DecisionSpool.encode(records));
    await fh.sync();
    await fh.close();
    return path;
  }

  async close(): Promise<void> {
    await this.serial(async () => {
      if (this.active) {
        const a = this.active;
        this.active = null;
        if (a.records) this.sealed.push({ path: a.path, records: a.records, bytes: a.bytes });
        await a.fh.close();
      }
    });
  }

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.chain.then(fn, fn);
    this.chain = run.catch(() => {});
    return run;
  }
}

/** Parses a segment, keeping only lines whose checksum matches. */
export function readSegment(path: string, log?: Logger): { records: DecisionRecord[]; skipped: number } {
  const text = readFileSync(path, 'utf8');
  const lines = text.split('\n');
  const records: DecisionRecord[] = [];
  let skipped = 0;
  lines.forEach((line, i) => {
    if (!line) return;
    const json = line.startsWith(PREFIX) && line.endsWith('}') && line.slice(PREFIX.length + SUM_LENGTH, HEADER_LENGTH) === MIDDLE ? line.slice(HEADER_LENGTH, -1) : null;
    if (json !== null && checksum(json) === line.slice(PREFIX.length, PREFIX.length + SUM_LENGTH)) {
      try {
        records.push(JSON.parse(json) as DecisionRecord);
        return;
      } catch {
        /* counted below */
      }
    }
    skipped++;
    const last = i === lines.length - 1 || (i === lines.length - 2 && lines[lines.length - 1] === '');
    log?.[last ? 'warn' : 'error']({ path, line: i + 1 }, last ? 'decision spool: ignoring a torn last line (its write never completed, so it was never acknowledged)' : 'decision spool: a line failed its checksum and was skipped');
  });
  return { records, skipped };
}
