import { RowScanner, splitCsv } from './row-scanner';
import { Bad, csvRowReader, inputTypes } from './row-typing';

function scan(csv: boolean, chunks: string[]) {
  const rows: { text: string; offset: number; line: number }[] = [];
  const s = new RowScanner(csv, (r) => rows.push({ text: r.bytes.toString('utf8'), offset: r.offset, line: r.line }));
  for (const c of chunks) s.push(Buffer.from(c));
  s.end();
  return rows;
}

describe('RowScanner', () => {
  const text = 'a,b\r\n1,"x\ny"\n"q""t",3\n中文,4';
  it('finds rows with byte offsets and line numbers, quoted newlines and CRLF included, however the bytes are chunked', () => {
    const expected = [
      { text: 'a,b', offset: 0, line: 1 },
      { text: '1,"x\ny"', offset: 5, line: 2 },
      { text: '"q""t",3', offset: 13, line: 4 },
      { text: '中文,4', offset: 22, line: 5 },
    ];
    const bytes = Buffer.from(text);
    for (let size = 1; size <= bytes.length; size++) {
      const rows: { text: string; offset: number; line: number }[] = [];
      const scanner = new RowScanner(true, (r) => rows.push({ text: r.bytes.toString('utf8'), offset: r.offset, line: r.line }));
      for (let i = 0; i < bytes.length; i += size) scanner.push(bytes.subarray(i, i + size));
      scanner.end();
      expect([size, rows]).toEqual([size, expected]);
    }
  });

  it('ignores quotes in JSON Lines and reports an unterminated quoted field in CSV', () => {
    expect(scan(false, ['{"a":"x"}\n{"b":1}\n']).map((r) => r.text)).toEqual(['{"a":"x"}', '{"b":1}']);
    const s = new RowScanner(true, () => {});
    s.push(Buffer.from('a,"b\n'));
    s.end();
    expect(s.unterminatedQuote).toBe(true);
  });
});

describe('splitCsv and typing', () => {
  it('splits RFC 4180 fields', () => {
    expect(splitCsv('1,"a,b","say ""hi""",')).toEqual(['1', 'a,b', 'say "hi"', '']);
    expect(splitCsv('plain,row')).toEqual(['plain', 'row']);
  });

  it('types by declared inputs, then by the fact catalog, then by looks; empty cells are missing facts', () => {
    const read = csvRowReader(['debtToAsset', 'industryDivision', 'note', 'score', 'flag', 'empty'], inputTypes([{ inputs: [{ name: 'score', type: 'integer' }] } as never]));
    expect(read(['0.5', '06', '07x', '12', 'true', ''])).toEqual({ debtToAsset: 0.5, industryDivision: '06', note: '07x', score: 12, flag: true });
    expect(read(['abc', '06', '', '1', '', ''])).toEqual(new Bad('debtToAsset must be a number; it was "abc"'));
    expect(read(['0.5', '06', '', '1.5', '', ''])).toEqual(new Bad('score must be a whole number; it was "1.5"'));
    expect(read(['0.5'])).toEqual(new Bad('has 1 value; the header has 6 columns'));
  });
});
