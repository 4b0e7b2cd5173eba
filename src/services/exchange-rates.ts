// Exchange rates to the organisation's currency: entered or imported by admins, and the
// conversion of orders in other currencies that every analysis reads (docs/currency-and-rates.md).
import { canChangeSettings } from '../domain/access.js';
import { isCurrencyCode } from '../domain/currency.js';
import { ClienteleError } from '../domain/errors.js';
import { formatRate, parseRate } from '../domain/exchange-rate.js';
import { readRatesFile } from '../import/rates-file.js';
import type { RowError } from '../import/to-record.js';
import type { ExchangeRate } from '../store/repositories/exchange-rates.js';
import type { Store } from '../store/store.js';
import { type Context, requireRole } from './context.js';
import { baseCurrency } from './currency.js';

export interface Conversion {
  currency: string | null;
  exchangeRate: string | null;
  rateDate: string | null;
}

const IN_BASE: Conversion = { currency: null, exchangeRate: null, rateDate: null };

/** The UTC day of an order, as its purchase day is counted. */
export const orderDay = (orderedAt: string | Date) => new Date(orderedAt).toISOString().slice(0, 10);

/**
 * How an order in `currency` on `orderedAt` is converted: at the latest rate on or before its
 * day. An order in the organisation's currency (or none named) is not converted.
 */
export async function conversionOf(store: Store, currency: string | null | undefined, orderedAt: string | Date, field = 'currency'): Promise<Conversion> {
  const base = await baseCurrency(store);
  if (!currency || currency === base) return IN_BASE;
  const day = orderDay(orderedAt);
  const used = await store.exchangeRates.rateOn(currency, day);
  if (!used) {
    throw new ClienteleError('invalid', `There is no ${currency} rate on or before ${day}, so the order cannot be converted to ${base}; `
      + 'enter one in Settings → Exchange rates or import a rates file first.', field);
  }
  return { currency, exchangeRate: used.rate, rateDate: used.date };
}

const shown = (rate: ExchangeRate): ExchangeRate => ({ ...rate, rate: formatRate(rate.rate) });

export async function listRates(store: Store, currency?: string) {
  const [items, orderCurrencies, base] = await Promise.all([
    store.exchangeRates.list({ currency }), store.exchangeRates.orderCurrencies(), baseCurrency(store)]);
  return { baseCurrency: base, orderCurrencies, items: items.map(shown) };
}

export interface RatesSaved {
  added: number;
  changed: number;
  /** Orders converted anew because a rate they take was added or changed. */
  ordersConverted: number;
}

function invalid(errors: readonly RowError[], what: string): ClienteleError {
  const first = errors[0]!;
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more problem${errors.length > 2 ? 's' : ''})` : '';
  return new ClienteleError('invalid', `${what} row ${first.row}, ${first.column} "${first.value}": ${first.reason}${more}. No rate was saved.`, first.column);
}

/** Checks rates given one by one (the API, the settings page); the field names the entry. */
function checkRates(rates: readonly ExchangeRate[], base: string): ExchangeRate[] {
  return rates.map((rate, i) => {
    const field = (name: string) => `rates.${i}.${name}`;
    if (!isCurrencyCode(rate.currency)) throw new ClienteleError('invalid', `"${rate.currency}" is not a currency code in use (ISO 4217, like USD).`, field('currency'));
    if (rate.currency === base) throw new ClienteleError('invalid', `${base} is the organisation's currency: its rate is always 1.`, field('currency'));
    try {
      return { ...rate, rate: parseRate(rate.rate) };
    } catch (error) {
      throw new ClienteleError('invalid', (error as Error).message, field('rate'), { cause: error });
    }
  });
}

async function keepRates(ctx: Context, rates: readonly ExchangeRate[], source: string): Promise<RatesSaved> {
  return ctx.store.transaction(async (tx) => {
    const saved = await tx.exchangeRates.save(rates);
    const currencies = [...new Set(rates.map((r) => r.currency))];
    const ordersConverted = await tx.exchangeRates.reconvertOrders(currencies);
    await tx.audit.record({ userId: ctx.actor.userId, action: 'update', entity: 'setting', entityId: 'exchange_rates',
      changes: { rates: [null, `${rates.length} ${source} (${currencies.join(', ')}): ${saved.added} new, ${saved.changed} changed`], ordersConverted: [null, ordersConverted] } });
    return { ...saved, ordersConverted };
  });
}

/** Adds or replaces rates (admins); the orders they concern are converted again. */
export async function saveRates(ctx: Context, rates: readonly ExchangeRate[]): Promise<RatesSaved> {
  requireRole(ctx, canChangeSettings, 'change exchange rates');
  return keepRates(ctx, checkRates(rates, await baseCurrency(ctx.store)), 'entered');
}

/** Imports a CSV or XLSX file of date, currency, rate (admins): every row is right, or nothing is kept. */
export async function importRatesFile(ctx: Context, path: string): Promise<RatesSaved & { rows: number }> {
  requireRole(ctx, canChangeSettings, 'import exchange rates');
  const base = await baseCurrency(ctx.store);
  const { rates, errors } = await readRatesFile(path);
  for (const rate of rates) {
    if (rate.currency === base) errors.push({ row: rate.row, column: 'currency', value: rate.currency, reason: `${base} is the organisation's currency: its rate is always 1` });
  }
  errors.sort((a, b) => a.row - b.row);
  if (errors.length) throw invalid(errors, 'The rates file has a problem at');
  const saved = await keepRates(ctx, rates.map(({ currency, date, rate }) => ({ currency, date, rate })), 'file');
  return { ...saved, rows: rates.length };
}

/** Removes a rate (admins), unless an order would be left with no rate on or before its day. */
export async function removeRate(ctx: Context, currency: string, date: string): Promise<{ ordersConverted: number }> {
  requireRole(ctx, canChangeSettings, 'change exchange rates');
  return ctx.store.transaction(async (tx) => {
    if (!(await tx.exchangeRates.remove(currency, date))) throw new ClienteleError('not_found', `There is no ${currency} rate for ${date}.`);
    const left = await tx.exchangeRates.unratedOrders([currency], 1);
    if (left.length) {
      throw new ClienteleError('conflict', `Order ${left[0]!.number} of ${left[0]!.day} is in ${currency} and would have no rate left; `
        + 'enter an earlier rate first.', 'date');
    }
    const ordersConverted = await tx.exchangeRates.reconvertOrders([currency]);
    await tx.audit.record({ userId: ctx.actor.userId, action: 'delete', entity: 'setting', entityId: 'exchange_rates', changes: { [`${currency} ${date}`]: [null, 'removed'], ordersConverted: [null, ordersConverted] } });
    return { ordersConverted };
  });
}
