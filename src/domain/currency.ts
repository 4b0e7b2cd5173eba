// The organisation's currency: every amount Clientele stores is in it, and every response that
// carries amounts names it once in a `currency` field beside them. One currency per
// organisation for now; per-order currencies would name their own beside the order's amounts.

/** ISO 4217 code used until an admin sets one. */
export const DEFAULT_CURRENCY = 'EUR';

// ICU's list of currencies in use: kept up to date with Node, so no code list to maintain here.
const CURRENCY_CODES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

export function isCurrencyCode(code: string): boolean {
  return CURRENCY_CODES.has(code);
}
