// The organisation's currency: every analysis sums amounts in it, and every response that
// carries amounts names their currency in a `currency` field beside them. An order may be in
// another currency; it is converted to the organisation's at a rate it keeps (exchange-rate.ts).
import countryToCurrency from 'country-to-currency';

/** ISO 4217 code used when neither an admin nor the locale names one. */
export const DEFAULT_CURRENCY = 'EUR';

// ICU's list of currencies in use: kept up to date with Node, so no code list to maintain here.
const CURRENCY_CODES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

export function isCurrencyCode(code: string): boolean {
  return CURRENCY_CODES.has(code);
}

/**
 * The currency of the locale's country (`fr-FR` → EUR, `en-GB` → GBP, `es-MX` → MXN), or
 * DEFAULT_CURRENCY when the locale names no country (`fr`, none at all).
 */
export function currencyOfLocale(locale: string | undefined): string {
  if (!locale) return DEFAULT_CURRENCY;
  let region: string | undefined;
  try {
    region = new Intl.Locale(locale).region;
  } catch {
    return DEFAULT_CURRENCY;
  }
  const code = region ? (countryToCurrency as Record<string, string>)[region] : undefined;
  return code && isCurrencyCode(code) ? code : DEFAULT_CURRENCY;
}
