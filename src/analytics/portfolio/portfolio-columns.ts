// A portfolio as columns: one typed array per fact, one position per account, and every
// account's purchase days packed end to end. The bulk classifier reads these, so a million
// accounts cost a few arrays rather than millions of small objects for the collector to chase.
import { dayNumber } from './calendar.js';
import type { AccountFact, PurchaseHistory } from '../../domain/portfolio/facts.js';

export interface PortfolioColumns {
  /** Account ids, strictly ascending. */
  ids: Float64Array;
  /** 1 when the account is recorded as an ex-customer. */
  exCustomer: Uint8Array;
  hasInterest: Uint8Array;
  hasFinancialCapacity: Uint8Array;
  /** The profile "probable" compares, as codes (the same value, the same code); −1 when not filled in. */
  segment: Int32Array;
  sector: Int32Array;
  size: Int32Array;
  /** Account i's purchase days are at positions offsets[i] to offsets[i + 1] − 1, oldest first. */
  offsets: Int32Array;
  /** Days since 1970-01-01. */
  days: Int32Array;
  orders: Int32Array;
  revenue: Float64Array;
}

/** A code per distinct value, handed out as values are first seen; −1 for null. */
export function encoder(): (value: string | null) => number {
  const codes = new Map<string, number>();
  return (value) => {
    if (value === null) return -1;
    let code = codes.get(value);
    if (code === undefined) codes.set(value, code = codes.size);
    return code;
  };
}

/** Columns for `accounts` accounts and `purchaseDays` purchase days in all, to be filled in. */
export function emptyPortfolioColumns(accounts: number, purchaseDays: number): PortfolioColumns {
  return {
    ids: new Float64Array(accounts), exCustomer: new Uint8Array(accounts), hasInterest: new Uint8Array(accounts),
    hasFinancialCapacity: new Uint8Array(accounts), segment: new Int32Array(accounts), sector: new Int32Array(accounts),
    size: new Int32Array(accounts), offsets: new Int32Array(accounts + 1),
    days: new Int32Array(purchaseDays), orders: new Int32Array(purchaseDays), revenue: new Float64Array(purchaseDays),
  };
}

/**
 * The columns of a portfolio given as objects: the accounts are put in id order, and each
 * gets its history (histories of accounts not in the list are left out; of two histories of
 * one account, the later wins).
 */
export function toPortfolioColumns(accounts: readonly AccountFact[], histories: readonly PurchaseHistory[]): PortfolioColumns {
  const sorted = [...accounts].sort((a, b) => a.id - b.id);
  const n = sorted.length;
  const historyOf = new Map<number, PurchaseHistory>();
  for (const history of histories) historyOf.set(history.accountId, history);
  let total = 0;
  for (const account of sorted) total += historyOf.get(account.id)?.days.length ?? 0;

  const columns = emptyPortfolioColumns(n, total);
  const [segment, sector, size] = [encoder(), encoder(), encoder()];
  let at = 0;
  sorted.forEach((account, i) => {
    if (i > 0 && sorted[i - 1]!.id === account.id) throw new RangeError(`account ${account.id} is listed twice`);
    columns.ids[i] = account.id;
    columns.exCustomer[i] = account.status === 'ex_customer' ? 1 : 0;
    columns.hasInterest[i] = account.hasInterest ? 1 : 0;
    columns.hasFinancialCapacity[i] = account.hasFinancialCapacity ? 1 : 0;
    columns.segment[i] = segment(account.segment);
    columns.sector[i] = sector(account.sector);
    columns.size[i] = size(account.size);
    columns.offsets[i] = at;
    for (const day of historyOf.get(account.id)?.days ?? []) {
      columns.days[at] = dayNumber(day.day);
      columns.orders[at] = day.orders;
      columns.revenue[at] = day.revenue;
      at += 1;
    }
  });
  columns.offsets[n] = at;
  return columns;
}
