// The plain facts the recommendations read. Nothing here knows the database: the store maps
// its order lines and accounts onto these shapes.
import type { AccountSize } from '../../domain/customer-file.js';
import type { Cents } from '../../domain/money.js';

export type ProductId = number;

/** One line of an order that counts as a purchase: callers leave out drafts and cancelled orders. */
export interface OrderLineFact {
  accountId: number;
  /** A date or a timestamp. */
  orderedAt: string;
  productId: ProductId;
  category: string;
  /** Negative for a return. */
  quantity: number;
  totalCents: Cents;
  /**
   * How many order lines this fact stands for (1 by default), so the store may hand over one
   * row per account, product and period instead of every line.
   */
  lines?: number;
}

/** What makes accounts alike for the up-sell comparison. */
export interface PeerFact {
  id: number;
  segment: string | null;
  size: AccountSize | null;
}
