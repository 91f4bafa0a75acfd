/**
 * Finds row boundaries in a byte stream without decoding it: a row ends at a newline (LF, with an optional CR
 * before it), except, in CSV, inside a quoted field. Working on bytes is safe for UTF-8 because the bytes of `\n`
 * and `"` never occur inside a multi-byte character, and it gives exact byte offsets, which the workers use to
 * read their own batches of the stored file.
 */
export interface ScannedRow {
  /** The row's bytes, without the line ending. Valid only during the callback. */
  bytes: Buffer;
  /** Absolute byte offset of the row's first byte. */
  offset: number;
  /** 1-based physical line number of the row's first line. */
  line: number;
}

/** A row longer than this is refused rather than buffered: a file without line breaks must not exhaust memory. */
export const MAX_ROW_BYTES = 8 * 1024 * 1024;

export class RowTooLongError extends Error {
  constructor(readonly line: number) {
    super(`the row starting on line ${line} is longer than ${MAX_ROW_BYTES / 1024 / 1024} MB (is the file one record per line?)`);
  }
}

const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;

export class RowScanner {
  private carry: Buffer = Buffer.alloc(0);
  /** Absolute offset of carry[0]. */
  private base: number;
  private line: number;
  private inQuotes = false;
  /** How far into `carry` the quote state has already been computed. */
  private scanned = 0;
  private linesInCarry = 0;

  constructor(
    private readonly csv: boolean,
    private readonly onRow: (row: ScannedRow) => void,
    startOffset = 0,
    startLine = 1,
  ) {
    this.base = startOffset;
    this.line = startLine;
  }

  push(chunk: Buffer): void {
    const buf = this.carry.length ? Buffer.concat([this.carry, chunk]) : chunk;
    let rowStart = 0;
    let pos = this.scanned;
    let lines = this.linesInCarry;
    let nextQuote = this.csv ? buf.indexOf(QUOTE, pos) : -1;
    for (;;) {
      const nl = buf.indexOf(LF, pos);
      if (nl === -1) break;
      if (this.csv) {
        // Track quotes between pos and nl; a row whose quotes are still open continues past this newline. The next
        // quote's position is remembered: searching afresh for every row would rescan the rest of the buffer each time.
        if (nextQuote !== -1 && nextQuote < pos) nextQuote = buf.indexOf(QUOTE, pos);
        while (nextQuote !== -1 && nextQuote < nl) {
          this.inQuotes = !this.inQuotes;
          nextQuote = buf.indexOf(QUOTE, nextQuote + 1);
        }
        if (this.inQuotes) {
          lines++;
          pos = nl + 1;
          continue;
        }
      }
      const end = nl > rowStart && buf[nl - 1] === CR ? nl - 1 : nl;
      this.onRow({ bytes: buf.subarray(rowStart, end), offset: this.base + rowStart, line: this.line });
      this.line += lines + 1;
      lines = 0;
      rowStart = pos = nl + 1;
    }
    this.base += rowStart;
    // Copy: the caller may reuse the chunk's memory.
    this.carry = Buffer.from(buf.subarray(rowStart));
    if (this.csv) {
      // Quote state of the carried bytes from pos on is not computed yet.
      if (nextQuote !== -1 && nextQuote < pos) nextQuote = buf.indexOf(QUOTE, pos);
      while (nextQuote !== -1) {
        this.inQuotes = !this.inQuotes;
        nextQuote = buf.indexOf(QUOTE, nextQuote + 1);
      }
    }
    this.scanned = this.carry.length;
    this.linesInCarry = lines;
    if (this.carry.length > MAX_ROW_BYTES) throw new RowTooLongError(this.line);
  }

  /** The last row, when the input does not end with a newline. */
  end(): void {
    if (this.carry.length) {
      const end = this.carry[this.carry.length - 1] === CR ? this.carry.length - 1 : this.carry.length;
      this.onRow({ bytes: this.carry.subarray(0, end), offset: this.base, line: this.line });
      this.base += this.carry.length;
      this.carry = Buffer.alloc(0);
    }
  }

  /** True when the input ended inside a quoted field (a malformed last row). */
  get unterminatedQuote(): boolean {
    return this.inQuotes;
  }
}

/** RFC 4180 fields of one decoded CSV row: quoted fields may hold commas, newlines and doubled quotes. */
export function splitCsv(line: string): string[] {
  if (line.indexOf('"') === -1) return line.split(',');
  const out: string[] = [];
  let i = 0;
  const n = line.length;
  for (;;) {
    if (line.charCodeAt(i) === 34) {
      let v = '';
      i++;
      for (;;) {
        const q = line.indexOf('"', i);
        if (q === -1) {
          v += line.slice(i);
          i = n;
          break;
        }
        v += line.slice(i, q);
        if (line.charCodeAt(q + 1) === 34) {
          v += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      // Anything between the closing quote and the next comma is kept, as spreadsheets do.
      const c = line.indexOf(',', i);
      v += line.slice(i, c === -1 ? n : c);
      out.push(v);
      if (c === -1) return out;
      i = c + 1;
    } else {
      const c = line.indexOf(',', i);
      out.push(line.slice(i, c === -1 ? n : c));
      if (c === -1) return out;
      i = c + 1;
    }
  }
}

/** A UTF-8 byte order mark at the start of a file (spreadsheets write one). */
export function bomLength(buf: Buffer): number {
  return buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
}
