/** The format of a population or import file, from its name (and, failing that, its type). */
export function fileFormat(file: { name: string; type?: string }): 'csv' | 'jsonl' | null {
  const name = file.name.toLowerCase();
  if (name.endsWith('.csv') || file.type === 'text/csv') return 'csv';
  if (/\.(jsonl|ndjson|json)$/.test(name) || file.type === 'application/x-ndjson') return 'jsonl';
  return null;
}

/** The content type that tells the server which format a raw upload body is in (see http.postRaw). */
export const CONTENT_TYPES = { csv: 'text/csv', jsonl: 'application/x-ndjson' } as const;
