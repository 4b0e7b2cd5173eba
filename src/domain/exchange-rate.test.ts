import { describe, expect, it } from 'vitest';
import { convertCents, formatRate, parseRate } from './exchange-rate.js';

describe('exchange rates', () => {
  it('converts cents at a rate, rounding half away from zero to the cent', () => {
    expect(convertCents(10000, '0.92')).toBe(9200);
    expect(convertCents(1, '0.5')).toBe(1);
    expect(convertCents(-1, '0.5')).toBe(-1);
    expect(convertCents(333, '1.1000000000')).toBe(366);
    expect(convertCents(123456789, '0.0000012345')).toBe(152);
  });

  it('refuses a rate that is not a positive decimal, saying what to write', () => {
    expect(() => parseRate('-1')).toThrow(/positive decimal/);
    expect(() => parseRate('0')).toThrow(/more than zero/);
    expect(() => parseRate('1,2')).toThrow(/not a rate/);
    expect(parseRate(' 1.25 ')).toBe('1.25');
  });

  it('shows a stored rate without the padding zeros', () => {
    expect(formatRate('0.9215000000')).toBe('0.9215');
    expect(formatRate('2.0000000000')).toBe('2');
  });
});
