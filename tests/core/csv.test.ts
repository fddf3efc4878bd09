// The class gradebook's CSV cells: every cell quoted, and free text that a spreadsheet would run as a
// formula (OWASP's CSV-injection characters) neutralised with a leading quote mark.
import { describe, expect, it } from 'vitest';
import { csvCell } from '../../src/core/classroom';

describe('a CSV cell', () => {
  it.each([
    ['=HYPERLINK("http://x","click")', `"'=HYPERLINK(""http://x"",""click"")"`],
    ['+1+cmd|/C calc!A0', `"'+1+cmd|/C calc!A0"`],
    ['-2+3', `"'-2+3"`],
    ['@SUM(A1:A9)', `"'@SUM(A1:A9)"`],
    ['\t=1+1', `"'\t=1+1"`],
    ['\r=1+1', `"'\r=1+1"`],
  ])('neutralises free text starting with a formula character: %j', (text, cell) => {
    expect(csvCell(text)).toBe(cell);
  });

  it('leaves ordinary text alone, quoting commas, quotes and line breaks inside the cell', () => {
    expect(csvCell('Table 4')).toBe('"Table 4"');
    expect(csvCell('a, "b"\nc')).toBe('"a, ""b""\nc"');
    expect(csvCell('x=1')).toBe('"x=1"');
    expect(csvCell(' =1')).toBe('" =1"');
  });

  it('writes numbers as numbers, negative ones too, rounded to four places; null is empty', () => {
    expect(csvCell(-0.12)).toBe('"-0.12"');
    expect(csvCell(0.123456)).toBe('"0.1235"');
    expect(csvCell(3)).toBe('"3"');
    expect(csvCell(null)).toBe('""');
  });
});
