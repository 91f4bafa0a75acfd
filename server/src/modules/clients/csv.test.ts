import { csvLine, spreadsheetLine } from './csv';

describe('CSV lines', () => {
  it('quotes fields that hold separators, quotes, line breaks or edge spaces', () => {
    expect(csvLine(['a', 'b,c', 'say "hi"', 'x\ny', ' pad'])).toBe('a,"b,c","say ""hi""","x\ny"," pad"\r\n');
  });

  it('keeps data files unchanged, formulas included (they are imported again, not opened in a spreadsheet)', () => {
    expect(csvLine(['=1+1', '-3'])).toBe('=1+1,-3\r\n');
  });

  it('makes report cells that a spreadsheet would run as a formula plain text, leaving numbers alone', () => {
    expect(spreadsheetLine(['=HYPERLINK("http://x","y")', '+cmd', '-2+3', '@SUM(A1)', '\tx', '-12.5', '+3', '1e5', 'plain', ''])).toBe(
      `"'=HYPERLINK(""http://x"",""y"")",'+cmd,'-2+3,'@SUM(A1),'\tx,-12.5,+3,1e5,plain,\r\n`,
    );
  });
});
