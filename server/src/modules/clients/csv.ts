/**
 * RFC 4180 CSV, streamed: comma-separated fields, double quotes around fields that hold commas, quotes or line
 * breaks, a quote inside a quoted field doubled; records end with LF or CRLF; a leading UTF-8 BOM is ignored.
 * Written here rather than pulled in as a dependency because the import needs only this much.
 */

export interface CsvRecord {
  /** 1-based record number (the header is record 1); a quoted line break does not start a new record. */
  record: number;
  fields: string[];
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly record: number,
    message: string,
  ) {
    super(message);
  }
}

/** Parses text chunks as they arrive; records are yielded as soon as they are complete. */
export async function* parseCsv(chunks: AsyncIterable<string>): AsyncGenerator<CsvRecord> {
  let field = '';
  let fields: string[] = [];
  let inQuotes = false;
  /** After a closing quote: only a separator, a line end or another quote (an escaped one) may follow. */
  let afterQuote = false;
  let record = 1;
  let first = true;
  let pendingCr = false;
  let sawAny = false;
  for await (let chunk of chunks) {
    if (first && chunk.length) {
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
      first = false;
    }
    const out: CsvRecord[] = [];
    let i = 0;
    const n = chunk.length;
    while (i < n) {
      const c = chunk.charCodeAt(i);
      if (pendingCr) {
        pendingCr = false;
        if (c === 10) {
          i++;
          continue;
        }
      }
      if (inQuotes) {
        // Copy up to the next quote in one slice: JSON-in-a-column fields are long.
        const q = chunk.indexOf('"', i);
        if (q < 0) {
          field += chunk.slice(i);
          i = n;
          continue;
        }
        field += chunk.slice(i, q);
        i = q + 1;
        inQuotes = false;
        afterQuote = true;
        continue;
      }
      if (afterQuote) {
        afterQuote = false;
        if (c === 34) {
          field += '"';
          inQuotes = true;
          i++;
          continue;
        }
        if (c !== 44 && c !== 10 && c !== 13) throw new CsvSyntaxError(record, `record ${record}: a quoted field must end at a comma or a line end`);
      }
      if (c === 44) {
        fields.push(field);
        field = '';
        sawAny = true;
        i++;
      } else if (c === 10 || c === 13) {
        fields.push(field);
        out.push({ record, fields });
        record++;
        fields = [];
        field = '';
        sawAny = false;
        if (c === 13) pendingCr = true;
        i++;
      } else if (c === 34 && field === '') {
        inQuotes = true;
        sawAny = true;
        i++;
      } else {
        // Plain text up to the next separator or line end.
        let j = i;
        while (j < n) {
          const d = chunk.charCodeAt(j);
          if (d === 44 || d === 10 || d === 13) break;
          if (d === 34) throw new CsvSyntaxError(record, `record ${record}: a quote may only appear inside a quoted field (double it there)`);
          j++;
        }
        field += chunk.slice(i, j);
        sawAny = true;
        i = j;
      }
    }
    yield* out;
  }
  if (inQuotes) throw new CsvSyntaxError(record, `record ${record}: a quoted field is not closed before the end of the file`);
  if (sawAny || field !== '' || fields.length) {
    fields.push(field);
    yield { record, fields };
  }
}

export async function* fromString(s: string): AsyncGenerator<string> {
  yield s;
}

/** One field, quoted when it has to be. */
export function csvField(v: string): string {
  return /[",\r\n]/.test(v) || v !== v.trim() ? `"${v.replace(/"/g, '""')}"` : v;
}

export function csvLine(fields: string[]): string {
  return fields.map(csvField).join(',') + '\r\n';
}

/**
 * A line of a report meant for a spreadsheet program: a cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage
 * return is read as a formula there (CSV injection, OWASP), and report messages quote what a file held. Such a cell
 * gets a leading apostrophe, which spreadsheets show as text; plain numbers (`-12.5`) are left alone. Not for data
 * files meant to be imported again (the portfolio CSV): those must round-trip unchanged.
 */
export function spreadsheetLine(fields: string[]): string {
  return csvLine(fields.map((v) => (/^[=+\-@\t\r]/.test(v) && !/^[-+]?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(v) ? `'${v}` : v)));
}
