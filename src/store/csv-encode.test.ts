import { describe, expect, it } from 'vitest';
import { csvLine } from './csv-encode.js';

describe('COPY CSV encoding', () => {
  it('tells NULL from the empty string', () => {
    expect(csvLine([null, '', undefined])).toBe(',"",\n');
  });

  it('quotes text with delimiters, quotes and line breaks', () => {
    expect(csvLine(['a,b', 'say "hi"', 'two\nlines'])).toBe('"a,b","say ""hi""","two\nlines"\n');
  });

  it('writes numbers, booleans, dates, arrays and objects as PostgreSQL reads them', () => {
    expect(csvLine([12, true, new Date(Date.UTC(2024, 0, 2)), ['vip', 'a"b', 'c,d'], { k: 'v' }]))
      .toBe('12,t,"2024-01-02T00:00:00.000Z","{""vip"",""a\\""b"",""c,d""}","{""k"":""v""}"\n');
  });
});
