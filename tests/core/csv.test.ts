// The class gradebook's CSV cells: every cell quoted, and free text that a spreadsheet would run as a
// formula (OWASP's CSV-injection characters) neutralised with a leading quote mark.
import { describe, expect, it } from 'vitest';
import { csvCell, type TableSummary, tablesToCsv } from '../../src/core/classroom';

describe('a CSV cell', () => {
  it.each([
    ['=HYPERLINK("http://x","click")', `"'=HYPERLINK(""http://x"",""click"")"`],
    ['+1+cmd|/C calc!A0', `"'+1+cmd|/C calc!A0"`],
    ['-2+3', `"'-2+3"`],
    ['@SUM(A1:A9)', `"'@SUM(A1:A9)"`],
    ['\t=1+1', `"'\t=1+1"`],
    ['\r=1+1', `"'\r=1+1"`],
    ['\n=1+1', `"'\n=1+1"`],
    ['-0.12', `"'-0.12"`],
  ])('neutralises free text starting with a formula character: %j', (text, cell) => {
    expect(csvCell(text)).toBe(cell);
  });

  it('leaves ordinary text alone, quoting commas, quotes and line breaks inside the cell', () => {
    expect(csvCell('Table 4')).toBe('"Table 4"');
    expect(csvCell('a, "b"\nc')).toBe('"a, ""b""\nc"');
    expect(csvCell('a\r\nb\tc')).toBe('"a\r\nb\tc"');
    expect(csvCell('x=1')).toBe('"x=1"');
    expect(csvCell(' =1')).toBe('" =1"');
    expect(csvCell('')).toBe('""');
  });

  it('writes numbers as numbers, negative ones too, rounded to four places; null is empty', () => {
    expect(csvCell(-0.12)).toBe('"-0.12"');
    expect(csvCell(-3)).toBe('"-3"');
    expect(csvCell(0.123456)).toBe('"0.1235"');
    expect(csvCell(3)).toBe('"3"');
    expect(csvCell(null)).toBe('""');
  });
});

/** Splits RFC 4180 CSV (every cell quoted) into rows of cell texts: the way a spreadsheet reads it. */
function parseCsv(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < csv.length) {
    expect(csv[i]).toBe('"');
    let cell = '';
    for (i++; ; i++) {
      if (csv[i] === '"' && csv[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (csv[i] === '"') break;
      else cell += csv[i] as string;
    }
    row.push(cell);
    i++;
    if (csv[i] === ',') i++;
    else {
      expect(csv.slice(i, i + 2)).toBe('\r\n');
      rows.push(row);
      row = [];
      i += 2;
    }
  }
  return rows;
}

describe('the gradebook CSV (tablesToCsv)', () => {
  const summary = (over: Partial<TableSummary>): TableSummary => ({
    name: 'Table 1',
    seed: 'spring',
    sides: ['us', 'iran'],
    settings: { us: 'human', iran: 'ai:tit-for-tat', difficulty: 'normal' } as TableSummary['settings'],
    outcome: 'deal',
    reason: '',
    rounds: 6,
    finalRung: 2,
    rungByRound: [1, 2],
    utilities: { us: -0.12, iran: 0.5 },
    scores: { us: -3, iran: 12 },
    firstDivergentRound: null,
    facilitatorTension: 0,
    concessions: { us: {}, iran: {} },
    memos: { us: [], iran: [] },
    ...over,
  });

  it('neutralises formulas in table names and seeds, and keeps negative numbers as numbers', () => {
    const csv = tablesToCsv([
      summary({ name: '=HYPERLINK("http://evil.example","open")', seed: '\t=1+1' }),
      summary({ name: '\rTable 2', seed: '-0.12' }),
      summary({ name: '\n@SUM(A1)', seed: 'a, "b"\nc' }),
    ]);
    const rows = parseCsv(csv);
    expect(rows).toHaveLength(4);
    const col = (name: string) => (rows[0] as string[]).indexOf(name);
    expect(rows.slice(1).map((r) => r[col('table')])).toEqual(['\'=HYPERLINK("http://evil.example","open")', "'\rTable 2", "'\n@SUM(A1)"]);
    expect(rows.slice(1).map((r) => r[col('seed')])).toEqual(["'\t=1+1", "'-0.12", 'a, "b"\nc']);
    for (const r of rows.slice(1)) {
      expect(r[col('utility_us')]).toBe('-0.12');
      expect(r[col('score_us')]).toBe('-3');
      expect(r[col('first_divergent_round')]).toBe('');
    }
    // No cell a spreadsheet would read as a formula.
    for (const r of rows) for (const cell of r) expect(cell).not.toMatch(/^[=+@\t\r\n]|^-(?!\d+(\.\d+)?$)/);
  });
});
