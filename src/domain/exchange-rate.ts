// An exchange rate: how much one unit of a currency is worth in the organisation's currency
// (base EUR, a USD rate of 0.92 makes 100.00 USD worth 92.00 EUR). Rates travel as decimal
// strings, like amounts, so none passes through binary floating point.

/** Up to ten digits before and after the point; the database keeps numeric(20, 10). */
export const RATE_PATTERN = '^\\d{1,10}(\\.\\d{1,10})?$';
const rateRegex = new RegExp(RATE_PATTERN);

/** The rate as the store keeps it, or a RangeError saying what is wrong with it. */
export function parseRate(text: string): string {
  const trimmed = text.trim();
  if (!rateRegex.test(trimmed)) throw new RangeError(`"${text}" is not a rate: write a positive decimal number with at most ten decimals, like 0.9215`);
  if (!/[1-9]/.test(trimmed)) throw new RangeError(`"${text}" is not a rate: a rate is more than zero`);
  return trimmed;
}

/** A rate as people read it: without the zeros numeric(20, 10) pads it with ("0.9215000000" → "0.9215"). */
export function formatRate(stored: string): string {
  return stored.includes('.') ? stored.replace(/0+$/, '').replace(/\.$/, '') : stored;
}

/**
 * `cents` of a currency in the organisation's, rounded half away from zero to the cent: what
 * the store computes for each order (migration 0013), stated here for anyone who checks it.
 */
export function convertCents(amountCents: number, rate: string): number {
  const [whole = '0', fraction = ''] = formatRate(rate).split('.');
  const scale = 10n ** BigInt(fraction.length);
  const exact = BigInt(amountCents) * BigInt(whole + fraction);
  const magnitude = (exact < 0n ? -exact : exact) * 2n + scale;
  const rounded = magnitude / (2n * scale);
  return Number(exact < 0n ? -rounded : rounded);
}
