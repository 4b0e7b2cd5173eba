import { describe, expect, it } from 'vitest';
import { escapeApostrophes, escapeFormula, unescapeFormula } from './formula-escape.js';

const SAMPLES = ['=HYPERLINK("http://x")', '+33 1 23 45 67 89', '-1', '@SUM(A1)', '\tindent', '\rcr', "'=already quoted",
  "''=twice", "'plain apostrophe", "O'Brien", 'plain', '', "'", 'a=b'];

describe('formula escaping', () => {
  it('guards cells a spreadsheet would run as formulas with one apostrophe', () => {
    expect(escapeFormula('=HYPERLINK("http://x")')).toBe('\'=HYPERLINK("http://x")');
    expect(escapeFormula('+33 1 23')).toBe("'+33 1 23");
    expect(escapeFormula('@cmd')).toBe("'@cmd");
    expect(escapeFormula('\t=1')).toBe("'\t=1");
    expect(escapeFormula('plain')).toBe('plain');
    expect(escapeFormula("O'Brien")).toBe("O'Brien");
  });

  it('leaves XLSX text alone except apostrophes that import would take for a guard', () => {
    expect(escapeApostrophes('=1+1')).toBe('=1+1');
    expect(escapeApostrophes("'=1+1")).toBe("''=1+1");
    expect(escapeApostrophes("'plain")).toBe("'plain");
  });

  it('gives back every value exactly after either escape', () => {
    for (const text of SAMPLES) {
      expect(unescapeFormula(escapeFormula(text))).toBe(text);
      expect(unescapeFormula(escapeApostrophes(text))).toBe(text);
    }
  });

  it('keeps an apostrophe that guards nothing', () => {
    expect(unescapeFormula("'plain")).toBe("'plain");
    expect(unescapeFormula("'")).toBe("'");
    expect(unescapeFormula("'-5")).toBe('-5');
  });
});
