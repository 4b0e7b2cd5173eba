import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { stringify } from 'csv-stringify/sync';
import { type CsvRecord, CsvTokenizer } from './csv-tokenizer.js';

/** Feeds the text in pieces of the given sizes (cycled), as a file stream would. */
function tokenize(text: string, delimiter = ',', pieces: number[] = [text.length || 1]): CsvRecord[] {
  const tokenizer = new CsvTokenizer(delimiter);
  const out: CsvRecord[] = [];
  for (let at = 0, i = 0; at < text.length; i++) {
    const size = Math.max(1, pieces[i % pieces.length]!);
    out.push(...tokenizer.push(text.slice(at, at + size)));
    at += size;
  }
  out.push(...tokenizer.end());
  return out;
}

const values = (records: CsvRecord[]) => records.map((r) => r.values);

describe('the CSV tokenizer', () => {
  it('splits plain lines, with or without a line break after the last one', () => {
    expect(values(tokenize('a,b,c\n1,2,3\n'))).toEqual([['a', 'b', 'c'], ['1', '2', '3']]);
    expect(values(tokenize('a,b\n1,2'))).toEqual([['a', 'b'], ['1', '2']]);
    expect(values(tokenize('a;b\r\n1;2\r\n', ';'))).toEqual([['a', 'b'], ['1', '2']]);
    expect(values(tokenize('a,b\r1,2\r'))).toEqual([['a', 'b'], ['1', '2']]);
  });

  it('reads quoted values holding delimiters, doubled quotes and line breaks, numbering lines as an editor does', () => {
    const records = tokenize('Nom;Notes\n"Dupont; Fils";"He said ""hi""\r\nthen left"\n"";x\nlast;"q"', ';');
    expect(records).toEqual([
      { values: ['Nom', 'Notes'], line: 1 },
      { values: ['Dupont; Fils', 'He said "hi"\r\nthen left'], line: 3 },
      { values: ['', 'x'], line: 4 },
      { values: ['last', 'q'], line: 5 },
    ]);
  });

  it('skips empty lines but counts them', () => {
    expect(tokenize('a\n\n\nb\n')).toEqual([{ values: ['a'], line: 1 }, { values: ['b'], line: 4 }]);
  });

  it('drops a byte order mark and keeps empty values', () => {
    expect(values(tokenize('\uFEFFa,,c\n,,\n'))).toEqual([['a', '', 'c'], ['', '', '']]);
  });

  it('names the line of an unclosed quote and of stray quotes', () => {
    expect(() => tokenize('a,b\n1,2\n3,"never closed\n4,5\n')).toThrow(expect.objectContaining({ problem: 'unclosed_quote', line: 3 }));
    expect(() => tokenize('a,b\n1,x"y\n')).toThrow(expect.objectContaining({ problem: 'quote_in_unquoted_value', line: 2 }));
    expect(() => tokenize('a,b\n"1"x,2\n')).toThrow(expect.objectContaining({ problem: 'text_after_closing_quote', line: 2 }));
  });

  it('reads whatever csv-stringify writes, however the text is cut into chunks', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'é', ',', ';', '"', '\n', '\r\n', ' ', '1') });
    fc.assert(fc.property(
      fc.array(fc.array(cell, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 6 }),
      fc.constantFrom(',', ';'), fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 4 }),
      fc.constantFrom('\n', '\r\n'),
      (rows, delimiter, pieces, eol) => {
        // csv-stringify quotes a line break only when it is the record delimiter: quote every one.
        const text = stringify(rows, { delimiter, record_delimiter: eol === '\n' ? 'unix' : 'windows', quoted_match: /[\r\n]/ });
        expect(values(tokenize(text, delimiter, pieces))).toEqual(rows);
      },
    ));
  });
});
