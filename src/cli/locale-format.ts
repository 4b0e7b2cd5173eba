// What the CLI prints for people: amounts with their currency, counts, shares and days written
// with the conventions of the locale (CLIENTELE_LOCALE; else the language `--lang` asks for when
// the environment's locale speaks another; else LC_ALL, LC_MONETARY, LANG; British English when
// none names one), through Intl. JSON and CSV output keep the exact decimal strings.
import { languageOf } from '../domain/i18n/languages.js';
import { bcp47, environmentLocale, FALLBACK_LOCALE } from '../domain/locale.js';
import { langArgument, t } from './language.js';

export function cliLocale(): string {
  const named = bcp47(process.env.CLIENTELE_LOCALE);
  if (named) return named;
  const environment = environmentLocale(process.env);
  const asked = languageOf(langArgument());
  if (asked && languageOf(environment) !== asked) return asked;
  return environment ?? FALLBACK_LOCALE;
}

const formats = new Map<string, Intl.NumberFormat>();
function numberFormat(key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  let format = formats.get(key);
  if (!format) formats.set(key, (format = new Intl.NumberFormat(cliLocale(), options)));
  return format;
}

/** "1234.50" in EUR → "€1,234.50" (en-GB), "1 234,50 €" (fr-FR); empty for no amount. */
export function money(amount: string | number | null | undefined, currency: string): string {
  if (amount === null || amount === undefined || amount === '') return '';
  return numberFormat(`money ${currency}`, { style: 'currency', currency }).format(Number(amount));
}

/** 2000 → "2,000" (en-GB), "2 000" (fr-FR). */
export function count(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : numberFormat('count', { maximumFractionDigits: 0 }).format(value);
}

/** 0.634 → "63.4%" (en-GB), "63,4 %" (fr-FR); a dash for no share. */
export function percent(share: number | null | undefined): string {
  return share === null || share === undefined || Number.isNaN(share) ? '–' : numberFormat('percent', { style: 'percent', maximumFractionDigits: 1 }).format(share);
}

/** 54.46 → "54.5 days" (en), "54,5 jours" (fr): one decimal at most. */
export function days(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return t('figures.days', { count: rounded, days: numberFormat('days', { maximumFractionDigits: 1 }).format(rounded) });
}

/** "2024-03-05" → "5 Mar 2024" (en-GB), "5 mars 2024" (fr-FR). */
export function day(isoDay: string | null | undefined): string {
  if (!isoDay) return '';
  return new Intl.DateTimeFormat(cliLocale(), { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${isoDay.slice(0, 10)}T00:00:00Z`));
}

/** An order's amount: "$1,250.00 = €1,150.00 at 0.92 (rate of 1 Mar 2024)", or "€1,150.00" in the organisation's currency. */
export function orderAmountWords(amount: { total: string; currency: string; baseTotal: string; baseCurrency: string; exchangeRate: string | null; rateDate: string | null }): string {
  const own = money(amount.total, amount.currency);
  if (amount.exchangeRate === null) return own;
  return `${own} = ${money(amount.baseTotal, amount.baseCurrency)} at ${amount.exchangeRate} (rate of ${day(amount.rateDate)})`;
}
