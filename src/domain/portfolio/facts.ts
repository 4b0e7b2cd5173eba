// The plain facts the portfolio analytics read, and the shape of what they return. Nothing
// here knows the database: the store maps its rows onto these shapes.
import type { AccountStatus } from '../customer-file.js';
import type { Cents } from '../money.js';
import type { Account } from '../schemas/account.js';
import type { Interaction } from '../schemas/interaction.js';

/** One order that counts as a purchase: callers leave out drafts and cancelled orders. */
export interface OrderFact {
  accountId: number;
  /** A date or a timestamp; the analytics work in whole UTC days. */
  orderedAt: string;
  total: Cents;
  /** What was bought (product names or line descriptions), shown for lost accounts. */
  items?: readonly string[];
}

export type AccountFact = Pick<Account,
  'id' | 'status' | 'segment' | 'sector' | 'size' | 'relationshipType' | 'country' | 'ownerId'
  | 'hasInterest' | 'hasFinancialCapacity'> & {
  /**
   * When the account began, as an ISO timestamp: the earliest of its creation, its "customer
   * since" day, its first purchase and its first contact or interaction. History is history:
   * an account imported today with orders from 1997 existed in 1997.
   */
  since: string;
};

/** A claim, call or note about an account, shown beside a lost account. */
export type NoteFact = Pick<Interaction, 'accountId' | 'type' | 'subject' | 'occurredAt'>;

export interface StatusChangeFact {
  accountId: number;
  fromStatus: AccountStatus | null;
  toStatus: AccountStatus;
  changedAt: string;
}

/**
 * The orders of one account on one UTC day, merged. Same-day orders count as one purchase,
 * as in lifetimes' summaries, so gaps between purchases are never zero days.
 */
export interface PurchaseDay {
  day: string;
  orders: number;
  revenue: Cents;
}

/** What incremental maintenance keeps per account: every purchase day, in order. */
export interface PurchaseHistory {
  accountId: number;
  days: readonly PurchaseDay[];
}

export interface AccountSummary {
  accountId: number;
  /** The day the summary looks from (YYYY-MM-DD); later orders are left out. */
  asOf: string;
  orderCount: number;
  purchaseDayCount: number;
  revenue: Cents;
  /** Revenue per order, rounded to the cent; null before the first order. */
  averageTicket: Cents | null;
  firstPurchase: string | null;
  lastPurchase: string | null;
  daysSinceLastPurchase: number | null;
  /** Days between consecutive purchase days; null with fewer than two. */
  meanGapDays: number | null;
  medianGapDays: number | null;
  /** The last 12 months are the 365 days ending on asOf; the 12 before, the 365 days before those. */
  revenueLast12Months: Cents;
  revenuePrevious12Months: Cents;
  purchasesLast12Months: number;
  purchasesPrevious12Months: number;
  /** The purchase days up to asOf: every window and trend is computed from them. */
  purchases: readonly PurchaseDay[];
}

export type Figures = Record<string, number | string | null>;

/** Every class comes with the rule that decided it, in words, and the figures it used. */
export interface Classification<C extends string> {
  class: C;
  rule: string;
  figures: Figures;
}
