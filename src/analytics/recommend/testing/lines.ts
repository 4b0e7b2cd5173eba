// Small builders for the hand-made order lines of the recommendation tests.
import { cents } from '../../../domain/money.js';
import type { OrderLineFact } from '../types.js';

export const NAMES = new Map([[1, 'Paper'], [2, 'Toner'], [3, 'Pens'], [4, 'Laptop'], [5, 'Dock']]);
const CATEGORIES = new Map([[1, 'Office supplies'], [2, 'Office supplies'], [3, 'Office supplies'], [4, 'IT hardware'], [5, 'IT hardware']]);

export function line(accountId: number, productId: number, fields: Partial<Omit<OrderLineFact, 'totalCents'>> & { euros?: number } = {}): OrderLineFact {
  const { euros = 10, ...rest } = fields;
  return {
    accountId,
    orderedAt: '2025-03-01',
    productId,
    category: CATEGORIES.get(productId) ?? 'Other',
    quantity: 1,
    totalCents: cents(Math.round(euros * 100)),
    ...rest,
  };
}

/** One line per product an account bought: { accountId: [productId, …] }. */
export function linesOf(baskets: Record<number, number[]>, orderedAt = '2025-03-01'): OrderLineFact[] {
  return Object.entries(baskets).flatMap(([account, products]) => products.map((p) => line(Number(account), p, { orderedAt })));
}

/**
 * Eight accounts over five products, small enough to count by hand:
 * buyers Paper 5, Toner 4, Pens 2, Laptop 4, Dock 3; together Paper+Toner 3, Laptop+Dock 3,
 * Paper+Pens 2, Paper+Laptop 2, and three pairs bought by one account only.
 */
export const OFFICE = linesOf({
  1: [1, 2, 3],
  2: [1, 2],
  3: [1, 2, 4],
  4: [1, 3],
  5: [4, 5],
  6: [4, 5, 1],
  7: [2],
  8: [4, 5],
});
