import { describe, expect, it } from 'vitest';
import { csvCell, xlsxCell } from './cell-text.js';

describe('export cells', () => {
  it('writes each kind of value the way import reads it', () => {
    expect(csvCell('money', '1234.50')).toBe('1234.50');
    expect(csvCell('money', '-3.10')).toBe('-3.10');
    expect(csvCell('integer', 1998)).toBe('1998');
    expect(csvCell('boolean', false)).toBe('false');
    expect(csvCell('date', '2025-01-02T03:04:05.678Z')).toBe('2025-01-02T03:04:05.678Z');
    expect(csvCell('list', ['vip', 'export'])).toBe('vip;export');
    expect(csvCell('json', { employees: 12, source: 'fair' })).toBe('{"employees":12,"source":"fair"}');
    expect(csvCell('text', null)).toBe('');
    expect(csvCell('email', undefined)).toBe('');
  });

  it('guards text a spreadsheet would run as a formula, but not amounts', () => {
    expect(csvCell('text', '=HYPERLINK("http://x")')).toBe('\'=HYPERLINK("http://x")');
    expect(csvCell('text', '+33 1 23 45 67 89')).toBe("'+33 1 23 45 67 89");
    expect(csvCell('list', ['-1', 'vip'])).toBe("'-1;vip");
    expect(csvCell('choice', 'customer')).toBe('customer');
    expect(csvCell('money', '-0.50')).toBe('-0.50');
  });

  it('keeps numbers and booleans typed in XLSX and text as plain strings', () => {
    expect(xlsxCell('money', '1234.50')).toBe(1234.5);
    expect(xlsxCell('integer', -1)).toBe(-1);
    expect(xlsxCell('boolean', true)).toBe(true);
    expect(xlsxCell('text', '=1+1')).toBe('=1+1');
    expect(xlsxCell('text', "'=1+1")).toBe("''=1+1");
    expect(xlsxCell('date', '2025-01-02T03:04:05.678Z')).toBe('2025-01-02T03:04:05.678Z');
    expect(xlsxCell('text', null)).toBeNull();
  });
});
