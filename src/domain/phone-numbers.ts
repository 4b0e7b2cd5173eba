// Phone numbers are searched however they were typed: "+33 6 12 34 56 78" is also found as
// "06 12 34 56 78" (how it is dialled inside France) and as bare digits.
import { CALLING_CODES } from './calling-codes.js';

/** Country calling codes of one or two digits; every other code has three. */
export const SHORT_CALLING_CODES: readonly string[] = [...new Set(Object.values(CALLING_CODES))].filter((code) => code.length < 3).sort();
const short = new Set(SHORT_CALLING_CODES);

/** An international prefix: "+" or "00" before the country code. */
export const INTERNATIONAL_PREFIX = '^\\s*(\\+|00)';
const international = new RegExp(INTERNATIONAL_PREFIX);

/**
 * The national form of an international number, with the trunk 0 most countries dial: "+33 6 12"
 * → "0612". Where a country dials no trunk prefix the bare digits already hold its national form.
 */
export function nationalDigits(phone: string): string | undefined {
  if (!international.test(phone)) return undefined;
  const digits = phone.replace(international, '').replace(/\D/g, '');
  const codeLength = short.has(digits.slice(0, 1)) ? 1 : short.has(digits.slice(0, 2)) ? 2 : 3;
  const rest = digits.slice(codeLength);
  return rest ? `0${rest}` : undefined;
}

/** The digits of a search that looks like a phone number ("06 12-34"), or undefined when it does not. */
export function phoneDigitsOfQuery(query: string): string | undefined {
  if (!/^[+\d\s().\-/]+$/.test(query)) return undefined;
  const digits = query.replace(/\D/g, '');
  return digits.length >= 3 ? digits : undefined;
}
