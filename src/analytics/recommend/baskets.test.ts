import { describe, expect, it } from 'vitest';
import { buildBaskets } from './baskets.js';
import { line } from './testing/lines.js';

describe('account baskets', () => {
  it('holds each product an account kept, over all its orders, with products in id order', () => {
    const b = buildBaskets([line(2, 40), line(1, 30), line(1, 10), line(1, 30, { orderedAt: '2025-05-01' }), line(2, 10)]);
    expect(b.productIds).toEqual([10, 30, 40]);
    expect(b.accountIds).toEqual([1, 2]);
    expect(b.baskets.map((basket) => basket.map((p) => b.productIds[p]))).toEqual([[10, 30], [10, 40]]);
    expect(b.buyers).toEqual([2, 1, 1]);
    expect(b.categories).toEqual(['Other', 'Other', 'Other']);
  });

  it('leaves out a product returned in full, and an account that returned everything', () => {
    const b = buildBaskets([
      line(1, 10, { quantity: 3 }), line(1, 10, { quantity: -3, euros: -10 }), line(1, 20),
      line(2, 10, { quantity: 2 }), line(2, 10, { quantity: -1, euros: -5 }),
      line(3, 20), line(3, 20, { quantity: -1, euros: -10 }),
    ]);
    expect(b.accountIds).toEqual([1, 2]);
    expect(b.baskets.map((basket) => basket.map((p) => b.productIds[p]))).toEqual([[20], [10]]);
    expect(b.buyers).toEqual([1, 1]);
  });

  it('ranks an account\'s products by how many lines bought them, then by spend, so caps keep the habitual ones', () => {
    const b = buildBaskets([
      line(1, 10, { euros: 900 }),
      line(1, 20), line(1, 20), line(1, 20),
      line(1, 30, { euros: 50 }), line(1, 30, { euros: 50 }),
      line(1, 40, { euros: 20 }), line(1, 40, { euros: 20 }),
      // A pre-aggregated row standing for four lines.
      line(1, 50, { quantity: 8, lines: 4 }),
    ]);
    expect(b.ranked[0]!.map((p) => b.productIds[p])).toEqual([50, 20, 30, 40, 10]);
  });
});
