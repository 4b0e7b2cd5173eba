import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatMoney, formatUnitPrice, lineTotal, parseMoney, parseUnitPrice, preciseLineTotal, unitPriceCents } from './money.js';

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

  it('reads unit prices to four decimals exactly and writes them back', () => {
    expect(parseUnitPrice('0.001')).toBe(10);
    expect(parseUnitPrice('0.4150')).toBe(4150);
    expect(parseUnitPrice('2.5')).toBe(25000);
    expect(parseUnitPrice('-18.0650')).toBe(-180650);
    expect(() => parseUnitPrice('0.00001')).toThrow(/four decimals/);
    for (const text of ['0.0010', '0.4150', '-18.0650', '12.0000']) expect(formatUnitPrice(parseUnitPrice(text))).toBe(text);
  });

  it('rounds a line with a sub-cent price once, on the line, half away from zero', () => {
    expect(preciseLineTotal(400, parseUnitPrice('0.001'), 0)).toBe(40);
    expect(preciseLineTotal(3, parseUnitPrice('0.005'), 0)).toBe(2); // 0.015 → 0.02
    expect(preciseLineTotal(1, parseUnitPrice('0.005'), 0)).toBe(1); // 0.005 → 0.01
    expect(preciseLineTotal(-3, parseUnitPrice('0.005'), 0)).toBe(-2);
    expect(preciseLineTotal(7, parseUnitPrice('0.4150'), 0)).toBe(291); // 2.905 → 2.91
    expect(preciseLineTotal(2, parseUnitPrice('0.4150'), 10)).toBe(75); // 0.747 → 0.75
    // Rounding the price first would give 3 × 0.01 = 0.03.
    expect(preciseLineTotal(3, parseUnitPrice('0.005'), 0)).not.toBe(3 * unitPriceCents(parseUnitPrice('0.005')));
  });

  it('prices two-decimal lines the same whichever way the unit price is held', () => {
    fc.assert(fc.property(fc.integer({ min: -10_000, max: 10_000 }), fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 10_000 }),
      (quantity, unitCents, discountBp) => {
        const text = formatMoney(unitCents);
        expect(preciseLineTotal(quantity, parseUnitPrice(text), discountBp / 100)).toBe(lineTotal(quantity, parseMoney(text), discountBp / 100));
        expect(unitPriceCents(parseUnitPrice(text))).toBe(unitCents);
      }));
  });
});
