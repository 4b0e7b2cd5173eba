// The organisation's currency setting: read by every response that carries amounts, changed by admins.
import { canChangeSettings } from '../domain/access.js';
import { currencyOfLocale } from '../domain/currency.js';
import { environmentLocale } from '../domain/locale.js';
import type { Store } from '../store/store.js';
import { type Context, requireRole } from './context.js';

export const CURRENCY_KEY = 'currency';

/** Until an admin names one: the currency of the server's locale's country (docs/currency-and-rates.md). */
export const defaultCurrency = (): string => currencyOfLocale(environmentLocale(process.env));

export async function baseCurrency(store: Store): Promise<string> {
  return (await store.settings.get<string>(CURRENCY_KEY)) ?? defaultCurrency();
}

/** A body with its amounts' currency named beside them. */
export async function inCurrency<T extends object>(store: Store, body: T): Promise<T & { currency: string }> {
  return { ...body, currency: await baseCurrency(store) };
}

type Named<T> = T & { currency: string };
type NamedRecords<T> = T extends { items: (infer I)[] } ? Omit<T, 'items'> & { items: Named<I>[] } : Named<T>;

/**
 * A record with the currency of its amounts named on it: its own when it has one (an order in
 * another currency), else the organisation's. A record converted to the organisation's currency
 * (an order, with `exchangeRate`) names that one too, as `baseCurrency`.
 */
function labelled(item: object, currency: string): object {
  const own = 'currency' in item && typeof item.currency === 'string' ? item.currency : null;
  return { ...item, currency: own ?? currency, ...('exchangeRate' in item && { baseCurrency: currency }) };
}

/** A record, or each record of a page, with the currency of its amounts named on it. */
export async function recordsInCurrency<T extends object>(store: Store, body: T): Promise<NamedRecords<T>> {
  const currency = await baseCurrency(store);
  if ('items' in body && Array.isArray(body.items)) {
    return { ...body, items: body.items.map((item: object) => labelled(item, currency)) } as NamedRecords<T>;
  }
  return labelled(body, currency) as NamedRecords<T>;
}

/** Names the currency the stored amounts are in; it relabels them, it does not convert them. */
export async function setBaseCurrency(ctx: Context, currency: string): Promise<string> {
  requireRole(ctx, canChangeSettings, 'change settings');
  await ctx.store.transaction(async (tx) => {
    const before = (await tx.settings.get<string>(CURRENCY_KEY)) ?? defaultCurrency();
    await tx.settings.set(CURRENCY_KEY, currency);
    await tx.audit.record({ userId: ctx.actor.userId, action: 'update', entity: 'setting', entityId: CURRENCY_KEY, changes: { currency: [before, currency] } });
  });
  return currency;
}
