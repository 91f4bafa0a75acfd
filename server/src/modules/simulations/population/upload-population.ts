import type { Upload } from '../simulation';
import type { PopulationSource } from './population-source';
import type { PopulationBatch } from './records';

/** An uploaded file: each batch is a byte range of the stored file, which the worker reads and parses itself. */
export class UploadPopulation implements PopulationSource {
  constructor(private readonly upload: Upload) {}

  async count(): Promise<number> {
    return this.upload.rows;
  }

  async *batches(): AsyncIterable<PopulationBatch> {
    const u = this.upload;
    for (let i = 0; i < u.batches.length; i++) {
      const b = u.batches[i];
      const end = i + 1 < u.batches.length ? u.batches[i + 1].offset : u.bytes;
      yield { kind: 'file', path: u.path, format: u.format, recordKind: u.kind, columns: u.columns, start: b.offset, end, row: b.row, line: b.line };
    }
  }
}
