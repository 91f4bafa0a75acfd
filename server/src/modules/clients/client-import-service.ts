import { createReadStream, createWriteStream, mkdirSync, rmSync, type WriteStream } from 'node:fs';
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
import { csvLine } from './csv';
import { csvRows, lines } from './import-rows';
import { keyOfLine, parseLine, prepareLine, type PreparedRow } from './prepared';
import type { CheckedRow, RawLine } from './row-check';
import type { RowChecker } from './row-checker';
import { type ImportFormat, type ImportJob, type ImportMode, MAX_IMPORT_ROWS, MAX_REPORTED_ERRORS, type RowError } from './import-job';

/** Rows per group handed to the checker. */
const GROUP = 256;

/** One checked row: its problems, or the row prepared for the store (prepared.ts). */
type Accept = (row: number, problems: FieldError[], prepared: string | undefined) => Promise<void>;

export interface ImportOptions {
  /** Where all-or-nothing imports keep their validated rows until every row has been checked. */
  spoolDir: string;
  /** Rows per store transaction. */
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
    this.batchSize = opts.batchSize ?? 500;
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
    await this.store.saveImport(job);
    let spool: { file: string; out: WriteStream } | null = null;
    let finish: Promise<void> = Promise.resolve();
    try {
      if (mode === 'all-or-nothing') {
        mkdirSync(this.opts.spoolDir, { recursive: true });
        const file = join(this.opts.spoolDir, `${job.id}.jsonl`);
        spool = { file, out: createWriteStream(file, { encoding: 'utf8' }) };
      }
      await this.read(job, chunks, actor, spool?.out ?? null);
      if (spool) await closeStream(spool.out);
      if (job.status === 'failed' || (mode === 'all-or-nothing' && job.errorCount > 0)) {
        this.fail(job, job.message ?? `${job.badRows} row${job.badRows === 1 ? ' has' : 's have'} problems, so nothing was imported (all-or-nothing).`);
      } else if (mode === 'all-or-nothing' && spool) {
        job.status = 'committing';
        const file = spool.file;
        finish = this.commitSpool(job, file, actor).catch((e) => this.fail(job, `the import stopped while writing: ${(e as Error).message}`));
        spool = null; // commitSpool owns the file now
      } else this.complete(job);
    } catch (e) {
      this.fail(job, `the import stopped: ${(e as Error).message}`);
    } finally {
      if (spool) rmSync(spool.file, { force: true });
    }
    await this.store.saveImport(job);
    const settled = finish.then(() => this.settle(job));
    this.done.set(job.id, settled);
    return structuredClone(job);
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
    let out = csvLine(['row', 'field', 'code', 'message']);
    for (const e of job.errors) out += csvLine([String(e.row), e.pointer, e.code ?? '', e.message]);
    if (job.errorsTruncated) out += csvLine(['', '', 'truncated', `only the first ${MAX_REPORTED_ERRORS} of ${job.errorCount} problems are listed`]);
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
        await this.store.saveImport(job);
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

  private async commitSpool(job: ImportJob, file: string, actor: Actor): Promise<void> {
    try {
      let batch: PreparedRow[] = [];
      for await (const line of lines(createReadStream(file, { highWaterMark: 1 << 20 }))) {
        if (!line) continue;
        batch.push(parseLine(line));
        if (batch.length >= this.batchSize) {
          await this.commit(job, batch, actor);
          await this.store.saveImport(job);
          batch = [];
        }
      }
      if (batch.length) await this.commit(job, batch, actor);
      this.complete(job);
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
    await this.store.saveImport(job).catch(() => {});
    this.live.delete(job.id);
  }

  private now(): string {
    return this.clock.now().toISOString();
  }
}

async function closeStream(s: WriteStream): Promise<void> {
  s.end();
  await once(s, 'finish');
}
