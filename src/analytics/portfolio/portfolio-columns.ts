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
  /** The rest of each account's profile, for the team and the goals (accountAt gives it back as an AccountFact). */
  lifecycle: Int32Array;
  relationshipType: Int32Array;
  country: Int32Array;
  /** NaN when unassigned. */
  ownerId: Float64Array;
  /** When the account began (AccountFact.since), in milliseconds. */
  since: Float64Array;
  /** The value behind each code of the coded columns. */
  values: Record<'segment' | 'sector' | 'size' | 'lifecycle' | 'relationshipType' | 'country', string[]>;
}

/** The codes of the columns that hold text, each with the values it has handed out (values[code]). */
export type Encoder = ((value: string | null) => number) & { values: string[] };

/** An encoder for each coded column, and the columns' `values` that list what they hold. */
export function profileEncoders() {
  const encoders = {
    segment: encoder(), sector: encoder(), size: encoder(), lifecycle: encoder(), relationshipType: encoder(), country: encoder(),
  };
  const values = Object.fromEntries(Object.entries(encoders).map(([name, e]) => [name, e.values])) as PortfolioColumns['values'];
  return { encoders, values };
}

/** Account i's profile as the analytics read it. */
export function accountAt(columns: PortfolioColumns, i: number): AccountFact {
  const text = (codes: Int32Array, values: string[]) => (codes[i]! < 0 ? null : values[codes[i]!]!);
  const { values } = columns;
  return {
    id: columns.ids[i]!,
    status: text(columns.lifecycle, values.lifecycle) as AccountFact['status'],
    segment: text(columns.segment, values.segment),
    sector: text(columns.sector, values.sector),
    size: text(columns.size, values.size) as AccountFact['size'],
    relationshipType: text(columns.relationshipType, values.relationshipType) as AccountFact['relationshipType'],
    country: text(columns.country, values.country),
    ownerId: Number.isNaN(columns.ownerId[i]!) ? null : columns.ownerId[i]!,
    hasInterest: columns.hasInterest[i] === 1,
    hasFinancialCapacity: columns.hasFinancialCapacity[i] === 1,
    since: new Date(columns.since[i]!).toISOString(),
  };
}

/** A code per distinct value, handed out as values are first seen; −1 for null. */
export function encoder(): Encoder {
  const codes = new Map<string, number>();
  const values: string[] = [];
  const encode = (value: string | null) => {
    if (value === null) return -1;
    let code = codes.get(value);
    if (code === undefined) {
      codes.set(value, code = codes.size);
      values.push(value);
    }
    return code;
  };
  return Object.assign(encode, { values });
}

/** Columns for `accounts` accounts and `purchaseDays` purchase days in all, to be filled in. */
export function emptyPortfolioColumns(accounts: number, purchaseDays: number, values: PortfolioColumns['values']): PortfolioColumns {
  return {
    lifecycle: new Int32Array(accounts), relationshipType: new Int32Array(accounts), country: new Int32Array(accounts),
    ownerId: new Float64Array(accounts), since: new Float64Array(accounts), values,
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

  const { encoders, values } = profileEncoders();
  const columns = emptyPortfolioColumns(n, total, values);
  const { segment, sector, size } = encoders;
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
    columns.lifecycle[i] = encoders.lifecycle(account.status);
    columns.relationshipType[i] = encoders.relationshipType(account.relationshipType);
    columns.country[i] = encoders.country(account.country);
    columns.ownerId[i] = account.ownerId ?? Number.NaN;
    columns.since[i] = Date.parse(account.since);
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
