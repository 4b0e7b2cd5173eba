// Two phone numbers are the same number when they dial the same line, however they were
// written: "+33 1 23 45 67 89" on an account in France is "0123456789", as its neighbour
// typed it. A number from another country keeps its international form, "+4930123456".
import { CALLING_CODES, trunkPrefixOf } from '../calling-codes.js';

const INTERNATIONAL = /^\s*(\+|00)/;
/** Fewer digits than this is an extension or a typo, not a line two records could share. */
const MIN_DIGITS = 6;

/** The number as compared for duplicates, or undefined when it is too short or a placeholder (0000000). */
export function comparablePhone(phone: string | null | undefined, country: string | null | undefined): string | undefined {
  if (!phone) return undefined;
  let key: string;
  if (INTERNATIONAL.test(phone)) {
    const digits = phone.replace(INTERNATIONAL, '').replace(/\D/g, '');
    const code = country ? CALLING_CODES[country] : undefined;
    if (code && digits.startsWith(code)) {
      const trunk = trunkPrefixOf(country!);
      const subscriber = digits.slice(code.length);
      // "+44 (0)20 7946 0000" writes the trunk 0 it should have dropped.
      key = trunk && subscriber.startsWith(trunk) ? subscriber : `${trunk}${subscriber}`;
    } else {
      key = `+${digits}`;
    }
  } else {
    key = phone.replace(/\D/g, '');
    // North Americans often write their trunk 1 in front of the ten digits.
    if (country && CALLING_CODES[country] === '1' && key.length === 11 && key.startsWith('1')) key = key.slice(1);
  }
  const digits = key.replace(/\D/g, '');
  if (digits.length < MIN_DIGITS || /^(\d)\1*$/.test(digits.replace(/^0+/, '') || '0')) return undefined;
  return key;
}
