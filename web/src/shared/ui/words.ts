// The vocabulary in words people read, in the user's language: "ex_customer" shows as
// "Ex-customer" or "Ancien client". The labels live in src/domain/i18n; dates, numbers and
// amounts are formatted for the same language.
import { currentLocale, t } from '../i18n/i18n';

/** The label groups a bare value is looked up in, in order (a value in two groups reads the same in both). */
const GROUPS = [
  'accountStatus', 'accountKind', 'accountSize', 'relationshipType', 'channel', 'civility', 'orderStatus', 'orderKind',
  'interactionType', 'direction', 'role', 'timelineKind', 'goalMetric',
] as const;
export type LabelGroup = (typeof GROUPS)[number];

/** A record field by its API name in words ("externalId" reads "External ID"); unknown fields as they are. */
export function fieldWords(field: string): string {
  const key = `labels.field.${field}`;
  const label = t(key);
  return label === key ? field : label;
}

/** A stored value in words; `group` says which vocabulary it belongs to when known. Values of no vocabulary show as they are. */
export function words(value: string | null | undefined, group?: LabelGroup): string {
  if (value === null || value === undefined || value === '') return '';
  for (const g of group ? [group] : GROUPS) {
    const key = `labels.${g}.${value}`;
    const label = t(key);
    if (label !== key) return label;
  }
  return value;
}

/** One formatter per locale and options: building them is the costly part. */
type Format = Intl.NumberFormat | Intl.DateTimeFormat | Intl.DisplayNames | Intl.ListFormat;
const formats = new Map<string, Format>();
function cached<F extends Format>(name: string, make: (locale: string) => F): F {
  const key = `${currentLocale()} ${name}`;
  let format = formats.get(key) as F | undefined;
  if (!format) {
    format = make(currentLocale());
    formats.set(key, format);
  }
  return format;
}

/** "FR" → "France" (or "Francia"); the code itself when the browser does not know it. */
export function countryName(code: string | null | undefined): string {
  if (!code) return '';
  try {
    return cached('region', (locale) => new Intl.DisplayNames([locale], { type: 'region' })).of(code) ?? code;
  } catch {
    return code;
  }
}

const dateFormat = () => cached('date', (locale) => new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric' }));
const dateTimeFormat = () => cached('dateTime', (locale) => new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' }));

export const formatDate = (iso: string | null | undefined) => (iso ? dateFormat().format(new Date(iso)) : '');
export const formatDateTime = (iso: string | null | undefined) => (iso ? dateTimeFormat().format(new Date(iso)) : '');

const numberFormat = (options?: Intl.NumberFormatOptions) => cached(`number ${JSON.stringify(options ?? {})}`, (locale) => new Intl.NumberFormat(locale, options));

function moneyFormat(currency: string, exact: boolean): Intl.NumberFormat {
  return cached(`money ${currency} ${exact}`, (locale) => new Intl.NumberFormat(locale, { style: 'currency', currency, ...(exact ? {} : { minimumFractionDigits: 0, maximumFractionDigits: 0 }) }));
}

/**
 * Money arrives as exact decimal strings ("1234.50") with the code of its currency beside it;
 * shown with the currency's sign, rounded to whole units ("€1,235"), or to the cent when exact.
 */
export const formatMoney = (amount: string | number | null | undefined, currency: string, options: { exact?: boolean } = {}) =>
  (amount === null || amount === undefined || amount === '' ? '' : moneyFormat(currency, options.exact ?? false).format(Number(amount)));
/** A number with the locale's separators; `options` for decimals (`{ maximumFractionDigits: 1 }`). */
export const formatNumber = (n: number | null | undefined, options?: Intl.NumberFormatOptions) => (n === null || n === undefined ? '' : numberFormat(options).format(n));

/** A number of days in words, one decimal at most: "54.5 days", "1 jour", "30 días". */
export function formatDays(days: number): string {
  const rounded = Math.round(days * 10) / 10;
  return t('figures.days', { count: rounded, days: formatNumber(rounded, { maximumFractionDigits: 1 }) });
}
/** A share as a percentage with the locale's decimal sign: "12.5 %", "12,5 %". */
export const formatPercent = (share: number | null | undefined, digits = 0) =>
  (share === null || share === undefined ? '' : `${cached(`percent ${digits}`, (locale) => new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits })).format(share * 100)} %`);

/** A list in the language's words: "A and B", "A et B", "A y B". */
export const joinAll = (items: string[]) => cached('and', (locale) => new Intl.ListFormat(locale, { type: 'conjunction' })).format(items);

/** Alternatives in the language's words: "Loyal or Champions", "Fidèles ou Champions". */
export const joinAlternatives = (items: string[]) => cached('or', (locale) => new Intl.ListFormat(locale, { type: 'disjunction' })).format(items);
