import { createHash } from 'node:crypto';
import { createWriteStream, mkdirSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import type { Actor } from '../../shared/actor';
import { actorRef } from '../../shared/actor';
import type { Clock } from '../../shared/clock';
import { AppError, ValidationError } from '../../shared/errors';
import { newId } from '../../shared/ids';
import { auditEvent } from '../audit/audit';
import type { RuleSetDocument } from '../rule-sets/rule-set';
import { clientProblem, EXPOSURE_FIELDS, jsonFacts } from './population/records';
import { bomLength, RowScanner, RowTooLongError, splitCsv, type ScannedRow } from './population/row-scanner';
import { Bad, csvRowReader, inputTypes, type InputTypes } from './population/row-typing';
import { compileFactValidator, type FactValidator } from '../decisions/fact-validator';
import { factProblem } from './record-comparer';
import type { RowError, Upload, UploadFormat, UploadKind } from './simulation';
import type { SimulationStore } from './simulation-store';

export interface UploadLimits {
  maxUploadRows: number;
  maxUploadBytes: number;
  /** Rows per batch handed to a worker. */
  batchRows: number;
}

export interface UploadRequest {
  kind: UploadKind;
  format: UploadFormat;
  fileName: string | null;
  /** The rule set whose inputs type the values and name the required facts, when given. */
  ruleSet: RuleSetDocument | null;
  exposureField: string | null;
}

const SAMPLE_ERRORS = 100;
const fmt = (n: number) => n.toLocaleString('en-US');

/**
 * Streams an uploaded population to a file under the data directory while checking it row by row: nothing is
 * buffered whole, whatever the file's size. A bad row is counted and reported (row number and reason) and stays
 * in the file; a run skips it the same way. The byte offset of every batch is recorded so workers can later read
 * their batches straight from the file.
 */
export class UploadService {
  constructor(
    private readonly store: SimulationStore,
    private readonly dir: string,
    private readonly limits: UploadLimits,
    private readonly clock: Clock,
  ) {}

  async ingest(body: AsyncIterable<Buffer>, req: UploadRequest, actor: Actor): Promise<Upload> {
    if (req.kind === 'clients' && req.format !== 'jsonl')
      throw new AppError(415, 'unsupported_media_type', 'Client records are nested; send them as JSON Lines (application/x-ndjson), one profile per line.');
    mkdirSync(this.dir, { recursive: true });
    const id = newId('upl');
    const path = join(this.dir, `${id}.${req.format}`);
    const out = createWriteStream(path, { flags: 'wx' });
    const check = new RowChecker(req, this.limits);
    const hash = createHash('sha256');
    let bytes = 0;
    try {
      const scanner = new RowScanner(req.format === 'csv', (row) => check.row(row));
      for await (const chunk of body) {
        bytes += chunk.length;
        if (bytes > this.limits.maxUploadBytes) throw new AppError(413, 'upload_too_large', `The file is larger than ${fmt(this.limits.maxUploadBytes)} bytes.`, { maxBytes: this.limits.maxUploadBytes });
        hash.update(chunk);
        scanner.push(chunk);
        if (!out.write(chunk)) await once(out, 'drain');
      }
      scanner.end();
      if (scanner.unterminatedQuote) check.badLast('ends inside a quoted field (a closing " is missing)');
      out.end();
      await once(out, 'finish');
      if (check.rows === 0) throw new ValidationError('The file has no data rows.', [{ pointer: '/', code: 'empty', message: req.format === 'csv' ? 'needs a header row and at least one data row' : 'needs at least one line' }]);
    } catch (e) {
      out.destroy();
      rmSync(path, { force: true });
      if (e instanceof RowTooLongError) throw new AppError(413, 'row_too_long', `The file cannot be read as rows: ${e.message}.`);
      throw e;
    }
    const now = this.clock.now().toISOString();
    const upload: Upload = {
      id,
      kind: req.kind,
      format: req.format,
      fileName: req.fileName,
      path,
      bytes,
      sha256: hash.digest('hex'),
      rows: check.rows,
      badRows: check.badRows,
      sampleErrors: check.errors,
      columns: check.columns,
      ruleSetKey: req.ruleSet?.key ?? null,
      exposureField: check.exposureField,
      batchRows: this.limits.batchRows,
      batches: check.batches,
      createdBy: actorRef(actor),
      createdAt: now,
    };
    const { path: _p, batches: _b, ...described } = upload;
    try {
      return await this.store.insertUpload(upload, [auditEvent(actor, 'simulation.upload-created', { type: 'simulation-upload', id }, { after: described }, now)]);
    } catch (e) {
      rmSync(path, { force: true });
      throw e;
    }
  }
}

/** The per-row checks of one upload, in file order. */
class RowChecker {
  rows = 0;
  badRows = 0;
  errors: RowError[] = [];
  columns: string[] | null = null;
  exposureField: string | null;
  batches: Upload['batches'] = [];
  private readonly csv: boolean;
  private toFacts: ((fields: string[]) => Record<string, unknown> | Bad) | null = null;
  private readonly validate: FactValidator | null;
  private readonly types: InputTypes;
  private lastLine = 0;

  constructor(
    private readonly req: UploadRequest,
    private readonly limits: UploadLimits,
  ) {
    this.csv = req.format === 'csv';
    this.types = inputTypes(req.ruleSet ? [req.ruleSet] : []);
    this.validate = req.ruleSet ? compileFactValidator(req.ruleSet) : null;
    this.exposureField = req.exposureField;
  }

  row({ bytes, offset, line }: ScannedRow): void {
    const skip = offset === 0 ? bomLength(bytes) : 0;
    if (bytes.length === skip) return; // blank lines are not rows
    const text = bytes.toString('utf8', skip);
    if (this.csv && this.columns === null) return this.header(text);
    const row = ++this.rows;
    if (row > this.limits.maxUploadRows)
      throw new AppError(413, 'upload_too_large', `The file has more than ${fmt(this.limits.maxUploadRows)} rows; split it or sample it.`, { maxRows: this.limits.maxUploadRows });
    if ((row - 1) % this.limits.batchRows === 0) this.batches.push({ offset: offset + skip, row, line });
    this.lastLine = line;
    const reason = this.problem(text);
    if (reason !== null) this.bad(row, line, reason);
  }

  badLast(reason: string): void {
    if (this.rows) this.bad(this.rows, this.lastLine, reason);
  }

  private bad(row: number, line: number, reason: string): void {
    this.badRows++;
    if (this.errors.length < SAMPLE_ERRORS) this.errors.push({ row, line, reason });
  }

  private problem(text: string): string | null {
    if (this.req.kind === 'clients') {
      try {
        return clientProblem(JSON.parse(text));
      } catch (e) {
        return `is not valid JSON (${(e as Error).message})`;
      }
    }
    const facts = this.toFacts ? this.toFacts(splitCsv(text)) : jsonFacts(text);
    if (facts instanceof Bad) return facts.reason;
    if (this.exposureField === null && !this.csv) this.exposureField = EXPOSURE_FIELDS.find((f) => typeof facts[f] === 'number') ?? null;
    const errors = this.validate?.(facts, '').errors;
    return errors?.length ? factProblem(`rule set '${this.req.ruleSet!.key}'`, errors[0]) : null;
  }

  private header(text: string): void {
    const names = splitCsv(text).map((s) => s.trim());
    const problems = names.flatMap((n, i) =>
      !n
        ? [{ pointer: `/header/${i}`, code: 'required', message: `column ${i + 1} of the header has no name` }]
        : names.indexOf(n) !== i
          ? [{ pointer: `/header/${i}`, code: 'duplicate', message: `column ${i + 1} repeats the name '${n}'` }]
          : n in Object.prototype
            ? [{ pointer: `/header/${i}`, code: 'reserved', message: `column ${i + 1} is named '${n}', which cannot be a fact name` }]
            : [],
    );
    if (problems.length) throw new ValidationError('The CSV header must name every column once (the names are the facts).', problems);
    if (this.exposureField !== null && !names.includes(this.exposureField))
      throw new ValidationError('The exposure column is not in the file.', [{ pointer: '/exposureField', code: 'unknown_column', message: `'${this.exposureField}' is not a column of the header` }]);
    this.columns = names;
    this.exposureField ??= EXPOSURE_FIELDS.find((f) => names.includes(f)) ?? null;
    this.toFacts = csvRowReader(names, this.types);
  }
}
