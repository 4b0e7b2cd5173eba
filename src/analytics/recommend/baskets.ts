// What each account has bought, over all its orders: its basket. Cross-sell works on
// account-level baskets rather than single orders because a B2B account spreads what it needs
// over many small orders (one to three lines each in the demo): what matters is that the
// accounts that buy X also buy Y, and the reasons speak of accounts ("62 % of the accounts
// that bought X"), not of orders.
import type { OrderLineFact, ProductId } from './types.js';

export interface Baskets {
  /** Products by dense index, in ascending id order. */
  productIds: readonly ProductId[];
  categories: readonly string[];
  indexOf: ReadonlyMap<ProductId, number>;
  /** Accounts holding at least one product, ascending. */
  accountIds: readonly number[];
  /** Per account (same order), the dense indices of its products, ascending. */
  baskets: readonly (readonly number[])[];
  /** Per account, the same products from the most often bought (most lines, then most spent). */
  ranked: readonly (readonly number[])[];
  /** Per product, how many accounts hold it. */
  buyers: readonly number[];
}

interface Holding {
  quantity: number;
  lines: number;
  spent: number;
}

/**
 * An account holds a product when its net quantity is above zero: a product bought and then
 * returned in full was not kept, so it is neither evidence nor excluded from suggestions.
 */
export function buildBaskets(lines: Iterable<OrderLineFact>): Baskets {
  const holdings = new Map<number, Map<ProductId, Holding>>();
  const categoryOf = new Map<ProductId, string>();
  for (const line of lines) {
    categoryOf.set(line.productId, line.category);
    let held = holdings.get(line.accountId);
    if (!held) holdings.set(line.accountId, held = new Map());
    const bought = line.quantity > 0 ? line.lines ?? 1 : 0;
    const holding = held.get(line.productId);
    if (holding) {
      holding.quantity += line.quantity;
      holding.lines += bought;
      holding.spent += line.totalCents;
    } else {
      held.set(line.productId, { quantity: line.quantity, lines: bought, spent: line.totalCents });
    }
  }

  const productIds = [...categoryOf.keys()].sort((a, b) => a - b);
  const indexOf = new Map(productIds.map((id, index) => [id, index]));
  const buyers = new Array<number>(productIds.length).fill(0);
  const accountIds: number[] = [];
  const baskets: number[][] = [];
  const ranked: number[][] = [];
  for (const accountId of [...holdings.keys()].sort((a, b) => a - b)) {
    const kept = [...holdings.get(accountId)!].filter(([, h]) => h.quantity > 0);
    if (kept.length === 0) continue;
    kept.sort(([a, x], [b, y]) => y.lines - x.lines || y.spent - x.spent || a - b);
    const order = kept.map(([id]) => indexOf.get(id)!);
    for (const index of order) buyers[index]!++;
    accountIds.push(accountId);
    ranked.push(order);
    baskets.push([...order].sort((a, b) => a - b));
  }
  return { productIds, categories: productIds.map((id) => categoryOf.get(id)!), indexOf, accountIds, baskets, ranked, buyers };
}
