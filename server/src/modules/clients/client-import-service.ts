import { createReadStream, createWriteStream, existsSync, mkdirSync, rmSync, type WriteStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { once } from 'node:events';
import { join } from 'node:path';
import type { Actor } from '../../shared/actor';
import { actorRef } from '../../shared/actor';
import type { Clock } from '../../shared/clock';
import { type FieldError, NotFoundError } from '../../shared/errors';
import { newId } from '../../shared/ids';
import type { ClientProfile } from '../facts/client-profile';
import { describeKey } from './client-store-support';
import type { ClientStore } from './client-store';
import type { CsvColumns } from './client-csv';
import type { ClientService } from './client-service';
import { spreadsheetLine } from './csv';
import { byteLines, csvRows, lines } from './import-rows';
import { keyOfLine, parseLine, parseLineBytes, prepareLine, type PreparedRow } from './prepared';
import type { CheckedRow, RawLine } from './row-check';
import type { RowChecker } from './row-checker';
import { type ImportFormat, type ImportJob, type ImportMode, MAX_IMPORT_ROWS, MAX_REPORTED_ERRORS, type RowError } from './import-job';

/**
 * On a shared store (several instances), an unfinished import whose progress has not been saved for this long has
 * lost its process. Progress is saved about once a second while rows arrive; the margin covers a slow uploader.
 */
export const IMPORT_STALE_AFTER_MS = 5 * 60_000;

/** Rows per group handed to the checker. */
const GROUP = 256;

/** One checked row: its problems, or the row prepared for the store (prepared.ts). */
type Accept = (row: number, problems: FieldError[], prepared: string | undefined) => Promise<void>;

export interface ImportOptions {
  /** Where all-or-nothing imports keep their validated rows until every row has been checked. */
  spoolDir: string;
  /**
   * Rows per store transaction (default 1,000: ~15 MB of profiles, a quarter of a second of write lock on the
   * embedded store; 500 made a 100,000-row import about 10 % slower, 200 commits instead of 100).
   */
  batchSize?: number;
  /** Least time between two progress writes to the store while rows stream in. */
  progressEveryMs?: number;
}

/**
 * Client imports (JSONL or CSV, up to 100,000 rows, upsert by natural key), streamed: a row is parsed and
 * validated as it arrives and never more than one batch is held in memory.
 *
 * - skip-bad-rows: good rows are written in batches while the file is read; bad rows are reported and skipped.
 * - all-or-nothing: good rows go to a spool file; only when the whole file has been read without a single problem
 *   are they written, batch by batch. A file with any bad row writes nothing. (A database failure part-way
 *   through that commit stops the import as failed with `committed` rows written: the batches are separate
 *   transactions so that a 100,000-row import never holds the write lock for its whole length.)
 */
export class ClientImportService {
  private readonly live = new Map<string, ImportJob>();
  private readonly done = new Map<string, Promise<void>>();
  private readonly batchSize: number;
  private readonly progressEveryMs: number;
  private rowChecker: RowChecker | null = null;

  constructor(
    private readonly clients: ClientService,
    private readonly store: ClientStore,
    private readonly columns: () => CsvColumns,
    private readonly clock: Clock,
    private readonly opts: ImportOptions,
  ) {
    this.batchSize = opts.batchSize ?? 1000;
    this.progressEveryMs = opts.progressEveryMs ?? 1000;
  }

  /**
   * Reads the file (`chunks` may be left unfinished when the file cannot be read on: the caller drains its
   * source), then resolves with the job. Skip-bad-rows is complete by then; all-or-nothing goes on
   * committing in the background (poll `get`, or await `finished`).
   */
  async run(chunks: AsyncIterable<Buffer | string>, mode: ImportMode, format: ImportFormat, actor: Actor): Promise<ImportJob> {
    const job: ImportJob = {
      id: newId('imp'), mode, format, status: 'receiving', createdAt: this.now(), createdBy: actorRef(actor), finishedAt: null,
      processed: 0, total: null, valid: 0, committed: 0, created: 0, updated: 0, badRows: 0, errorCount: 0, errors: [], errorsTruncated: false, message: null,
    };
    this.live.set(job.id, job);
    await this.save(job);
    let spool: { file: string; out: WriteStream } | null = null;
    let finish: Promise<void> = Promise.resolve();
    try {
      if (mode === 'all-or-nothing') {
        mkdirSync(this.opts.spoolDir, { recursive: true });
        const file = this.spoolFile(job.id);
        spool = { file, out: createWriteStream(file, { encoding: 'utf8' }) };
      }
      await this.read(job, chunks, actor, spool?.out ?? null);
      if (spool) await closeStream(spool.out);
      if (job.status === 'failed' || (mode === 'all-or-nothing' && job.errorCount > 0)) {
        this.fail(job, job.message ?? `${job.badRows} row${job.badRows === 1 ? ' has' : 's have'} problems, so nothing was imported (all-or-nothing).`);
      } else if (mode === 'all-or-nothing' && spool) {
        // The spool is on disk and the job says `committing` before the first row is written: a restart from here
        // on finishes the import from the spool (recoverUnfinished), so all-or-nothing holds across a crash.
        await syncFile(spool.file);
        job.status = 'committing';
        await this.save(job);
        const file = spool.file;
        finish = this.commitSpool(job, file, actor).catch((e) => this.fail(job, `the import stopped while writing: ${(e as Error).message}`));
        spool = null; // commitSpool owns the file now
      } else this.complete(job);
    } catch (e) {
      this.fail(job, `the import stopped: ${(e as Error).message}`);
    } finally {
      if (spool) rmSync(spool.file, { force: true });
    }
    await this.save(job);
    const settled = finish.then(() => this.settle(job));
    this.done.set(job.id, settled);
    return structuredClone(job);
  }

  /**
   * At start-up: imports that a stopped process left `receiving` or `committing`. With `allUnfinished` (the
   * embedded store: one process owns it) every such import is ours; on a shared store only those whose progress
   * has not been saved for `staleAfterMs` (their process is gone).
   * - committing, spool file present: every row had been checked; the rest are written from the spool, so an
   *   all-or-nothing import ends with all its rows (upsert by key: rows written before the stop are written again
   *   unchanged).
   * - receiving, or the spool is gone (another machine's disk): failed, saying how many rows were written.
   */
  async recoverUnfinished(allUnfinished: boolean, staleAfterMs: number): Promise<{ resumed: number; failed: number }> {
    const staleBefore = this.clock.now().getTime() - staleAfterMs;
    let resumed = 0;
    let failed = 0;
    for (const job of await this.store.unfinishedImports()) {
      if (this.live.has(job.id)) continue;
      if (!allUnfinished && Date.parse(job.updatedAt ?? job.createdAt) > staleBefore) continue;
      const spool = this.spoolFile(job.id);
      if (job.status === 'committing' && existsSync(spool)) {
        this.live.set(job.id, job);
        const actor = { ...job.createdBy, roles: [], permissions: new Set<string>() };
        const finish = this.commitSpool(job, spool, actor, job.committed).catch((e) => this.fail(job, `the import stopped while writing: ${(e as Error).message}`));
        this.done.set(job.id, finish.then(() => this.settle(job)));
        resumed++;
        continue;
      }
      rmSync(spool, { force: true });
      const written = job.committed ? `${job.committed} of its rows had been written` : 'none of its rows had been written';
      this.fail(job, `the server stopped while this import was ${job.status === 'receiving' ? 'reading the file' : 'writing'}: ${written}. Send the file again (clients are matched by USCC, so rows already written are only updated).`);
      await this.save(job);
      failed++;
    }
    return { resumed, failed };
  }

  async get(id: string): Promise<ImportJob> {
    const j = this.live.get(id) ?? (await this.store.getImport(id));
    if (!j) throw new NotFoundError('Import', id);
    return structuredClone(j);
  }

  /** Resolves when the import has finished (completed or failed). */
  async finished(id: string): Promise<ImportJob> {
    await this.done.get(id);
    return this.get(id);
  }

  /** The row problems as CSV: row, field (JSON pointer), code, message. */
  errorsCsv(job: ImportJob): string {
    let out = spreadsheetLine(['row', 'field', 'code', 'message']);
    for (const e of job.errors) out += spreadsheetLine([String(e.row), e.pointer, e.code ?? '', e.message]);
    if (job.errorsTruncated) out += spreadsheetLine(['', '', 'truncated', `only the first ${MAX_REPORTED_ERRORS} of ${job.errorCount} problems are listed`]);
    return out;
  }

  private async read(job: ImportJob, chunks: AsyncIterable<Buffer | string>, actor: Actor, spool: WriteStream | null): Promise<void> {
    const seen = new Map<string, number>();
    let batch: PreparedRow[] = [];
    let lastSave = Date.now();
    const accept: Accept = async (row, problems, prepared) => {
      job.processed++;
      const errors = [...problems];
      if (!errors.length && job.processed > MAX_IMPORT_ROWS)
        errors.push({ pointer: '', code: 'too_many_rows', message: `is beyond the limit of ${MAX_IMPORT_ROWS.toLocaleString('en')} clients per file` });
      if (!errors.length && prepared) {
        const key = keyOfLine(prepared);
        const first = seen.get(key);
        if (first !== undefined) errors.push({ pointer: key.startsWith('uscc:') ? '/uscc' : key.startsWith('lei:') ? '/lei' : '/localRegNo', code: 'duplicate_in_file', message: `${describeKey(key)} is already on row ${first} of this file` });
        else seen.set(key, row);
      }
      if (errors.length || !prepared) this.report(job, row, errors);
      else {
        job.valid++;
        if (spool) {
          if (!spool.write(prepared + '\n')) await once(spool, 'drain');
        } else {
          batch.push(parseLine(prepared));
          if (batch.length >= this.batchSize) {
            await this.commit(job, batch, actor);
            batch = [];
          }
        }
      }
      if (Date.now() - lastSave > this.progressEveryMs) {
        lastSave = Date.now();
        await this.save(job);
      }
    };
    if (job.format === 'jsonl') await this.readJsonl(chunks, accept);
    else if (!(await this.readCsv(job, chunks, accept))) return;
    job.total = job.processed;
    if (batch.length) await this.commit(job, batch, actor);
  }

  /**
   * JSONL rows are checked in groups: the first in this thread, the rest by the workers, up to four groups ahead of
   * the one whose rows are being written.
   */
  private async readJsonl(chunks: AsyncIterable<Buffer | string>, accept: Accept): Promise<void> {
    const queue: Promise<CheckedRow[]>[] = [];
    const drain = async (max: number) => {
      while (queue.length > max) for (const r of await queue.shift()!) await accept(r.row, r.errors ?? [], r.prepared);
    };
    let groups = 0;
    let group: RawLine[] = [];
    const send = () => {
      queue.push(groups++ === 0 ? Promise.resolve(this.clients.checkRows(group)) : this.checker().check(group));
      group = [];
    };
    let row = 0;
    for await (const line of lines(chunks)) {
      row++;
      if (line.length === 0 || (line.charCodeAt(0) <= 32 && line.trim() === '')) continue;
      group.push({ row, line });
      if (group.length === GROUP) {
        send();
        await drain(4);
      }
    }
    if (group.length) send();
    await drain(0);
  }

  /** CSV rows, read and checked in this thread; false when the file cannot be read (the job has failed). */
  private async readCsv(job: ImportJob, chunks: AsyncIterable<Buffer | string>, accept: Accept): Promise<boolean> {
    for await (const r of csvRows(chunks, this.columns())) {
      if (r.fatal) {
        this.report(job, r.row, r.errors);
        job.message = `the file cannot be read past row ${r.row}: ${r.errors.map((e) => `${e.pointer || 'row'} ${e.message}`).join('; ')}`;
        job.status = 'failed';
        return false;
      }
      const errors = r.errors.length ? r.errors : this.clients.check(r.profile);
      await accept(r.row, errors, errors.length ? undefined : prepareLine(r.profile as ClientProfile));
    }
    return true;
  }

  /** The worker that checks JSONL rows, started on the first import that needs it and kept for the next ones. */
  private checker(): RowChecker {
    return (this.rowChecker ??= this.clients.rowChecker());
  }

  async close(): Promise<void> {
    await this.rowChecker?.close();
    this.rowChecker = null;
  }

  /** Writes the spooled rows, batch by batch, skipping the first `skip` (written before a restart). */
  private async commitSpool(job: ImportJob, file: string, actor: Actor, skip?: number): Promise<void> {
    try {
      let batch: PreparedRow[] = [];
      let index = 0;
      // Read as bytes: the profiles go to the store as the UTF-8 they are on disk (no decoding and re-encoding).
      for await (const line of byteLines(createReadStream(file, { highWaterMark: 1 << 20 }))) {
        if (!line.length || index++ < (skip ?? 0)) continue;
        batch.push(parseLineBytes(line));
        if (batch.length >= this.batchSize) {
          await this.commit(job, batch, actor);
          await this.save(job);
          batch = [];
        }
      }
      if (batch.length) await this.commit(job, batch, actor);
      this.complete(job);
      if (skip !== undefined) job.message += ` Finished after a restart of the server (${skip} rows had been written before it).`;
    } finally {
      rmSync(file, { force: true });
    }
  }

  private async commit(job: ImportJob, batch: PreparedRow[], actor: Actor): Promise<void> {
    const results = await this.clients.upsertPrepared(batch, actor, { importId: job.id });
    for (const r of results) {
      if (r.created) job.created++;
      else job.updated++;
    }
    job.committed += results.length;
  }

  private report(job: ImportJob, row: number, errors: { pointer: string; message: string; code?: string }[]): void {
    job.badRows++;
    for (const e of errors) {
      job.errorCount++;
      if (job.errors.length < MAX_REPORTED_ERRORS) job.errors.push({ row, pointer: e.pointer, message: e.message, ...(e.code ? { code: e.code } : {}) } satisfies RowError);
      else job.errorsTruncated = true;
    }
  }

  private complete(job: ImportJob): void {
    job.status = 'completed';
    job.finishedAt = this.now();
    const skipped = job.badRows ? `; ${job.badRows} bad row${job.badRows === 1 ? '' : 's'} skipped` : '';
    job.message = `${job.committed} client${job.committed === 1 ? '' : 's'} imported (${job.created} new, ${job.updated} updated)${skipped}.`;
  }

  private fail(job: ImportJob, message: string): void {
    job.status = 'failed';
    job.finishedAt = this.now();
    job.message = message;
  }

  private async settle(job: ImportJob): Promise<void> {
    await this.save(job).catch(() => {});
    this.live.delete(job.id);
  }

  private save(job: ImportJob): Promise<void> {
    job.updatedAt = this.now();
    return this.store.saveImport(job);
  }

  private spoolFile(id: string): string {
    return join(this.opts.spoolDir, `${id}.jsonl`);
  }

  private now(): string {
    return this.clock.now().toISOString();
  }
}

/** The spool must outlive a crash of the machine, not only of the process, once the job says `committing`. */
async function syncFile(file: string): Promise<void> {
  const fh = await open(file, 'r+');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

async function closeStream(s: WriteStream): Promise<void> {
  s.end();
  await once(s, 'finish');
}
