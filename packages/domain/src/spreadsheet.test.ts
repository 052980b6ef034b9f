import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell, csvRow, spreadsheetSafe } from './spreadsheet.js';

/** Reads one RFC 4180 record back, as a spreadsheet would. */
function parseRecord(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const c = line[i]!;
    if (quoted && c === '"' && line[i + 1] === '"') {
      cell += '"';
      i += 1;
    } else if (quoted && c === '"') quoted = false;
    else if (quoted) cell += c;
    else if (c === '"') quoted = true;
    else if (c === ',') {
      cells.push(cell);
      cell = '';
    } else if (c === '\r' && line[i + 1] === '\n') break;
    else cell += c;
  }
  cells.push(cell);
  return cells;
}

describe('spreadsheet exports: CSV that opens as text, never as a formula', () => {
  it('prefixes what a spreadsheet would run', () => {
    for (const attack of ['=HYPERLINK("http://x")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1'])
      expect(spreadsheetSafe(attack)).toBe(`'${attack}`);
    expect(spreadsheetSafe('Contoso Ltd')).toBe('Contoso Ltd');
    expect(spreadsheetSafe('')).toBe('');
  });

  it('quotes commas, quotes and line breaks, and leaves numbers as numbers', () => {
    expect(csvCell('Fabrikam, Inc.')).toBe('"Fabrikam, Inc."');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(-1250)).toBe('-1250');
    expect(csvCell(null)).toBe('');
    expect(csvRow(['a', 1, null])).toBe('a,1,\r\n');
  });

  it('property: any text reads back as itself (or with the one apostrophe), in its own cell', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary' }), { minLength: 1, maxLength: 5 }), (texts) => {
        const cells = parseRecord(csvRow(texts));
        expect(cells).toEqual(texts.map(spreadsheetSafe));
        for (const cell of cells) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
      }),
      { numRuns: 500 },
    );
  });
});
