/**
 * An import file as a stream of lines (JSONL) or rows (CSV), each row either a candidate profile or the reasons it
 * cannot be one. Nothing here holds more than one row (plus the read-ahead of the stream) in memory.
 */
import { StringDecoder } from 'node:string_decoder';
import type { FieldError } from '../../shared/errors';
import { checkHeader, type CsvColumns, rowToProfile } from './client-csv';
import { CsvSyntaxError, parseCsv } from './csv';

export interface ImportRow {
  /** JSONL: the line number; CSV: the record number (the header is 1). */
  row: number;
  profile?: unknown;
  errors: FieldError[];
  /** The file itself cannot be read on: stop the import. */
  fatal?: boolean;
}

/**
 * Chunks → lines (LF or CRLF). Byte chunks are split on the newline byte before decoding, so only whole lines are
 * ever turned into strings (a UTF-8 character never spans a newline byte); text chunks are split as they are.
 */
export async function* lines(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  let rest: Buffer | string | null = null;
  let first = true;
  for await (let chunk of chunks) {
    if (first && chunk.length) {
      first = false;
      if (typeof chunk === 'string') {
        if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
      } else if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) chunk = chunk.subarray(3);
    }
    if (typeof chunk === 'string') {
      const text: string = ((rest as string | null) ?? '') + chunk;
      let start = 0;
      for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
        yield text.charCodeAt(nl - 1) === 13 ? text.slice(start, nl - 1) : text.slice(start, nl);
        start = nl + 1;
      }
      rest = text.slice(start);
      continue;
    }
    let start = 0;
    for (let nl = chunk.indexOf(10); nl >= 0; nl = chunk.indexOf(10, start)) {
      const piece: Buffer = rest ? Buffer.concat([rest as Buffer, chunk.subarray(0, nl)]) : chunk.subarray(start, nl);
      rest = null;
      const end = piece.length > 0 && piece[piece.length - 1] === 13 ? piece.length - 1 : piece.length;
      yield piece.toString('utf8', 0, end);
      start = nl + 1;
    }
    const tail = chunk.subarray(start);
    rest = rest ? Buffer.concat([rest as Buffer, tail]) : Buffer.from(tail);
  }
  const last = typeof rest === 'string' ? rest : rest ? rest.toString('utf8') : '';
  if (last.length) yield last.endsWith('\r') ? last.slice(0, -1) : last;
}

/** Byte chunks → lines as bytes (LF-separated; the import's own spool file, which has no BOM and no CR). */
export async function* byteLines(chunks: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  let rest: Buffer | null = null;
  for await (const chunk of chunks) {
    let start = 0;
    for (let nl = chunk.indexOf(10); nl >= 0; nl = chunk.indexOf(10, start)) {
      yield rest ? Buffer.concat([rest, chunk.subarray(0, nl)]) : chunk.subarray(start, nl);
      rest = null;
      start = nl + 1;
    }
    if (start < chunk.length) rest = rest ? Buffer.concat([rest, chunk.subarray(start)]) : Buffer.from(chunk.subarray(start));
  }
  if (rest?.length) yield rest;
}

/** Byte chunks decoded to text, for the CSV parser (a character split across chunks is kept whole). */
async function* text(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  for await (const c of chunks) yield typeof c === 'string' ? c : decoder.write(c);
  const end = decoder.end();
  if (end) yield end;
}

/** CSV records → rows; a bad header or broken quoting is fatal (row 1, or the record where reading stopped). */
export async function* csvRows(chunks: AsyncIterable<Buffer | string>, cols: CsvColumns): AsyncGenerator<ImportRow> {
  let header: string[] | null = null;
  try {
    for await (const rec of parseCsv(text(chunks))) {
      if (header === null) {
        header = rec.fields.map((h) => h.trim());
        const problems = checkHeader(cols, header);
        if (problems.length) {
          yield { row: rec.record, errors: problems, fatal: true };
          return;
        }
        continue;
      }
      if (rec.fields.length === 1 && rec.fields[0].trim() === '') continue;
      const { profile, errors } = rowToProfile(cols, header, rec.fields);
      yield { row: rec.record, profile: errors.length ? undefined : profile, errors };
    }
  } catch (e) {
    if (e instanceof CsvSyntaxError) {
      yield { row: e.record, errors: [{ pointer: '', code: 'csv_syntax', message: e.message }], fatal: true };
      return;
    }
    throw e;
  }
  if (header === null) yield { row: 1, errors: [{ pointer: '', code: 'no_header', message: 'the file is empty: a CSV import starts with a header row' }], fatal: true };
}
