import { describe, expect, it } from 'vitest';
import { detectDateFormat, parseDate } from './dates.js';

describe('import dates', () => {
  it('reads the four supported forms as UTC midnight', () => {
    expect(parseDate('2024-03-05', 'iso')).toBe('2024-03-05T00:00:00.000Z');
    expect(parseDate('20240305', 'ymd_compact')).toBe('2024-03-05T00:00:00.000Z');
    expect(parseDate('05/03/2024', 'dmy')).toBe('2024-03-05T00:00:00.000Z');
    expect(parseDate('03/05/2024', 'mdy')).toBe('2024-03-05T00:00:00.000Z');
  });

  it('keeps the time and converts an offset to UTC', () => {
    expect(parseDate('2024-03-05T10:30:00+02:00', 'iso')).toBe('2024-03-05T08:30:00.000Z');
    expect(parseDate('12/1/2010 8:26', 'mdy')).toBe('2010-12-01T08:26:00.000Z');
  });

  it('keeps the milliseconds of a timestamp, as exports write them', () => {
    expect(parseDate('2024-03-05T10:30:00.123Z', 'iso')).toBe('2024-03-05T10:30:00.123Z');
    expect(parseDate('2024-03-05T10:30:00.5+01:00', 'iso')).toBe('2024-03-05T09:30:00.500Z');
    expect(parseDate('2024-03-05 10:30:00.123456', 'iso')).toBe('2024-03-05T10:30:00.123Z');
  });

  it('refuses impossible dates instead of rolling them over', () => {
    expect(parseDate('2023-02-29', 'iso')).toBeUndefined();
    expect(parseDate('31/04/2024', 'dmy')).toBeUndefined();
    expect(parseDate('13/01/2024', 'mdy')).toBeUndefined();
  });

  it('refuses dates outside 1900 to 2999, which the store does not keep', () => {
    expect(parseDate('0000-01-01', 'iso')).toBeUndefined();
    expect(parseDate('1899-12-31T23:59:59Z', 'iso')).toBeUndefined();
    expect(parseDate('30000101', 'ymd_compact')).toBeUndefined();
    expect(parseDate('31/12/0001', 'dmy')).toBeUndefined();
    expect(parseDate('1900-01-01', 'iso')).toBe('1900-01-01T00:00:00.000Z');
    expect(parseDate('12/31/2999', 'mdy')).toBe('2999-12-31T00:00:00.000Z');
  });

  it('detects day-first when a day above 12 settles it', () => {
    expect(detectDateFormat(['01/02/2024', '25/12/2024'])).toEqual({ kind: 'detected', format: 'dmy' });
    expect(detectDateFormat(['12/25/2024', '01/02/2024'])).toEqual({ kind: 'detected', format: 'mdy' });
    expect(detectDateFormat(['19970101', '19980630'])).toEqual({ kind: 'detected', format: 'ymd_compact' });
  });

  it('reports a column that reads both ways as ambiguous rather than guessing', () => {
    const result = detectDateFormat(['01/02/2024', '03/04/2024']);
    expect(result.kind).toBe('ambiguous');
    if (result.kind === 'ambiguous') expect(result.message).toMatch(/--date-format/);
  });

  it('reports values that fit no format', () => {
    expect(detectDateFormat(['2024-01-01', 'next tuesday']).kind).toBe('unknown');
  });
});
