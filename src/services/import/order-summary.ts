// What an orders or order-lines import does with a shop's own export, said before its rows:
// the accounts it creates, the guest lines (no customer) and where they go, the countries it
// recognised or kept as text, its credit notes, and the totals these make.
import { formatMoney, parseMoney, parseUnitPrice, preciseLineTotal } from '../../domain/money.js';
import type { MappingFile } from '../../import/mapping-file.js';
import type { ImportTarget, Place } from '../../import/targets.js';
import type { ImportRecord, RecordReader } from '../../import/to-record.js';
import type { MergeOptions, OrderFacts } from '../../store/imports/merge-result.js';

import type { GuestHandling } from '../../domain/import-vocabulary.js';

export { GUEST_HANDLING, type GuestHandling } from '../../domain/import-vocabulary.js';

/** The account guest lines go to by default, so that revenue totals stay true. */
export const WALK_IN = { externalId: 'walk-in', name: 'Walk-in customers' } as const;
export const DEFAULT_CREATED_ACCOUNT = { name: 'Customer {accountExternalId}', status: 'customer' } as const;

export interface OrderImportChoices {
  /** false: only lines of accounts that exist are taken (the strict way); default true. */
  createAccounts?: boolean;
  guests?: GuestHandling;
}

export interface OrderImportSummary {
  /** The currency of every amount of the summary (the organisation's; see docs/money.md). */
  currency: string;
  createAccounts: boolean;
  /** Accounts created (or, in a dry run, to be created), the walk-in account included; null when no merge ran. */
  accountsCreated: number | null;
  guests: {
    handling: GuestHandling;
    lines: number;
    /** Their line totals (or order totals) summed, as a decimal string. */
    amount: string;
    /** The account they were kept on, with handling walk-in. */
    account: string | null;
  };
  /** Order lines only: the countries of the lines. */
  countries: {
    recognised: { code: string; lines: number }[];
    /** Places that name no country, kept as the created account's region, with a warning. */
    unknown: { text: string; lines: number }[];
    /** Lines whose country says it is not known ("Unspecified"). */
    notStated: number;
  } | null;
  orders: { count: number; amount: string } | null;
  creditNotes: { count: number; amount: string; linked: number; namedNotFound: number } | null;
  /** Orders less credit notes. */
  netRevenue: string | null;
  walkIn: { orders: number; amount: string } | null;
}

export const isOrderTarget = (target: ImportTarget): target is 'orders' | 'order-lines' => target === 'orders' || target === 'order-lines';

/** The merge options an orders import runs with: a request's choice, else its mapping's, else create and keep. */
export function orderMergeOptions(mapping: MappingFile | undefined, choices: OrderImportChoices): Pick<MergeOptions, 'createAccounts' | 'walkIn'> & { guests: GuestHandling } {
  const mapped = mapping?.createAccounts;
  const create = choices.createAccounts ?? mapped !== false;
  const guests = choices.guests ?? mapping?.guests ?? 'walk-in';
  return {
    createAccounts: create ? (typeof mapped === 'object' ? mapped : DEFAULT_CREATED_ACCOUNT) : undefined,
    walkIn: guests === 'walk-in' ? WALK_IN : undefined,
    guests,
  };
}

/** A record as a preview shows it: a line's place as its country or its region, not as a nested value. */
export function previewValues(values: ImportRecord['values']): ImportRecord['values'] {
  const { country, ...rest } = values;
  return country !== null && typeof country === 'object' ? { ...rest, ...(country as Place) } : values;
}

/** Counts an orders import's records as they are read, and gives guest records their walk-in account or leaves them out. */
export class OrderSummary {
  private guestLines = 0;
  private guestCents = 0;
  private readonly recognised = new Map<string, number>();
  private readonly unknown = new Map<string, number>();
  private notStated = 0;
  private facts: OrderFacts | undefined;

  constructor(private readonly target: 'orders' | 'order-lines', private readonly guests: GuestHandling, private readonly createAccounts: boolean) {}

  /** A reader that applies the guest handling; rows at or before `skipThrough` (resumed) are not counted. */
  reader(read: RecordReader, skipThrough: number): RecordReader {
    return (row) => {
      const result = read(row);
      if (!result.record) return result;
      const counted = row.row > skipThrough;
      return this.take(result.record, counted) ? result : { errors: [] };
    };
  }

  /** Notes one record; false when it is to be left out. */
  private take(record: ImportRecord, counted: boolean): boolean {
    const values = record.values;
    const guest = values.accountExternalId === undefined && values.accountName === undefined;
    if (counted && this.target === 'order-lines') {
      const place = (values.country ?? {}) as Place;
      if (place.country) this.recognised.set(place.country, (this.recognised.get(place.country) ?? 0) + 1);
      else if (place.region) this.unknown.set(place.region, (this.unknown.get(place.region) ?? 0) + 1);
      else if (values.country) this.notStated++;
    }
    if (!guest) return true;
    if (counted) {
      this.guestLines++;
      this.guestCents += this.target === 'orders'
        ? (values.total === undefined ? 0 : parseMoney(String(values.total)))
        : preciseLineTotal(Number(values.quantity), parseUnitPrice(String(values.unitPrice)), values.discountPercent === undefined ? 0 : Number(values.discountPercent));
    }
    if (this.guests === 'leave-out') return false;
    values.accountExternalId = WALK_IN.externalId;
    return true;
  }

  /** Adds the facts of one merged batch. */
  add(facts: OrderFacts | undefined): void {
    if (!facts) return;
    if (!this.facts) {
      this.facts = { ...facts };
      return;
    }
    for (const key of Object.keys(facts) as (keyof OrderFacts)[]) this.facts[key] += facts[key];
  }

  /** Forgets the merge's facts, when what it merged was rolled back for problems. */
  dropFacts(): void {
    this.facts = undefined;
  }

  result(currency: string): OrderImportSummary {
    const f = this.facts;
    const byLines = (a: { lines: number; code?: string; text?: string }, b: typeof a) => b.lines - a.lines || String(a.code ?? a.text).localeCompare(String(b.code ?? b.text));
    return {
      currency,
      createAccounts: this.createAccounts,
      accountsCreated: f ? f.accountsCreated : null,
      guests: { handling: this.guests, lines: this.guestLines, amount: formatMoney(this.guestCents), account: this.guests === 'walk-in' ? WALK_IN.name : null },
      countries: this.target === 'order-lines'
        ? {
            recognised: [...this.recognised].map(([code, lines]) => ({ code, lines })).sort(byLines),
            unknown: [...this.unknown].map(([text, lines]) => ({ text, lines })).sort(byLines),
            notStated: this.notStated,
          }
        : null,
      orders: f ? { count: f.orders, amount: formatMoney(f.orderCents) } : null,
      creditNotes: f ? { count: f.creditNotes, amount: formatMoney(f.creditNoteCents), linked: f.creditNotesLinked, namedNotFound: f.creditNotesUnlinked } : null,
      netRevenue: f ? formatMoney(f.orderCents + f.creditNoteCents) : null,
      walkIn: f && this.guests === 'walk-in' ? { orders: f.walkInOrders, amount: formatMoney(f.walkInCents) } : null,
    };
  }
}
