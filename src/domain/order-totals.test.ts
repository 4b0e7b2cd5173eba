import { describe, expect, it } from 'vitest';
import { priceLines } from './order-totals.js';

describe('order totals', () => {
  it('derives the total and item count from the lines', () => {
    const { lines, totalCents, itemCount } = priceLines([
      { quantity: 2, unitPrice: '10.00' },
      { quantity: 1, unitPrice: '99.99', discountPercent: 10 },
      { quantity: -1, unitPrice: '10.00', description: 'return' },
    ]);
    expect(lines.map((l) => l.totalCents)).toEqual([2000, 8999, -1000]);
    expect(totalCents).toBe(9999);
    expect(itemCount).toBe(2);
    expect(lines.map((l) => l.lineNo)).toEqual([1, 2, 3]);
  });

  it('gives an empty order a zero total', () => {
    expect(priceLines([]).totalCents).toBe(0);
  });
});
