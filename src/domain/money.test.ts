import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
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

  it('prices a line the same with plain integers as with big ones, up to the largest lines', () => {
    const viaBigInt = (quantity: number, unit: number, discount: number) => {
      const gross = BigInt(quantity) * BigInt(unit) * BigInt(10000 - Math.round(discount * 100));
      const magnitude = (gross < 0n ? -gross : gross) + 5000n;
      return Number((gross < 0n ? -magnitude : magnitude) / 10000n);
    };
    fc.assert(fc.property(
      fc.integer({ min: -100_000, max: 100_000 }), fc.integer({ min: 0, max: 100_000_000_00 }), fc.integer({ min: 0, max: 10000 }),
      (quantity, unit, bp) => {
        fc.pre(Number.isSafeInteger(Number(viaBigInt(quantity, unit, bp / 100))));
        expect(lineTotal(quantity, unit as never, bp / 100)).toBe(viaBigInt(quantity, unit, bp / 100));
      },
    ));
    expect(lineTotal(1_000_000, parseMoney('99999999.99'), 33.33)).toBe(viaBigInt(1_000_000, 9_999_999_999, 33.33));
  });
});
