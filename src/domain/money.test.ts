import { describe, expect, it } from 'vitest';
import { formatMoney, lineTotal, parseMoney } from './money.js';

describe('money', () => {
  it('parses decimal strings into exact cents', () => {
    expect(parseMoney('0.1')).toBe(10);
    expect(parseMoney('1234.56')).toBe(123456);
    expect(parseMoney('-3.05')).toBe(-305);
    expect(parseMoney('7')).toBe(700);
  });

  it('rejects amounts with more than two decimals or stray characters', () => {
    expect(() => parseMoney('1.234')).toThrow(/two decimals/);
    expect(() => parseMoney('1,5')).toThrow();
    expect(() => parseMoney('')).toThrow();
  });

  it('formats cents back to the string it was parsed from', () => {
    for (const text of ['0.00', '0.10', '1234.56', '-3.05', '99999999.99']) {
      expect(formatMoney(parseMoney(text))).toBe(text);
    }
  });

  it('sums 0.1 ten times to exactly 1.00, unlike floating point', () => {
    let total = 0;
    for (let i = 0; i < 10; i++) total += parseMoney('0.10');
    expect(formatMoney(total)).toBe('1.00');
  });

  it('applies a percentage discount and rounds half away from zero to the cent', () => {
    expect(lineTotal(3, parseMoney('19.99'), 0)).toBe(5997);
    expect(lineTotal(1, parseMoney('10.00'), 12.5)).toBe(875);
    expect(lineTotal(1, parseMoney('0.05'), 50)).toBe(3);
    expect(lineTotal(-2, parseMoney('0.05'), 50)).toBe(-5);
  });
});
