// Turns one cell's text into a typed value, or says in words why it cannot. Spreadsheets are
// written by people: yes/oui/sí, country names in three languages and "Client" for customer
// are all understood.
import { isCurrencyCode } from '../domain/currency.js';
import { recognizeCountry } from './country-names.js';
import { normalizeHeader } from './header-match.js';
import { type DateFormat, parseDate } from './dates.js';

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (reason: string): Parsed<never> => ({ ok: false, reason });

const TRUE = new Set(['true', 'yes', 'y', '1', 'oui', 'o', 'si', 'x', 'vrai', 'verdadero']);
const FALSE = new Set(['false', 'no', 'n', '0', 'non', 'faux', 'falso']);

export function parseBoolean(text: string): Parsed<boolean> {
  const key = normalizeHeader(text);
  if (TRUE.has(key)) return ok(true);
  if (FALSE.has(key)) return ok(false);
  return fail('is not yes or no');
}

export function parseInteger(text: string): Parsed<number> {
  const clean = text.replace(/[\s\u00a0]/g, '');
  if (!/^-?\d+$/.test(clean)) return fail('is not a whole number');
  const value = Number(clean);
  return Number.isSafeInteger(value) ? ok(value) : fail('is too large');
}

/**
 * Money as a decimal string with at most two decimals (four for unit prices). With
 * `decimalComma`, "1 234,50" and "1.234,50" are read as 1234.50; otherwise "1,234.50" is.
 * Never goes through a float.
 */
export function parseMoneyText(text: string, decimalComma = false, decimals: 2 | 4 = 2): Parsed<string> {
  let clean = text.replace(/[\s\u00a0$€£]/g, '');
  if (decimalComma) clean = clean.replace(/\.(?=\d{3}(\D|$))/g, '').replace(',', '.');
  else clean = clean.replace(/,(?=\d{3}(\D|$))/g, '');
  if (/^\(.*\)$/.test(clean)) clean = `-${clean.slice(1, -1)}`;
  if (!(decimals === 2 ? /^-?\d{1,13}(\.\d{1,2})?$/ : /^-?\d{1,13}(\.\d{1,4})?$/).test(clean)) {
    return fail(new RegExp(`^-?\\d+[.,]\\d{${decimals + 1},}$`).test(clean) ? `has more than ${decimals === 2 ? 'two' : 'four'} decimals` : 'is not an amount');
  }
  return ok(clean);
}

/** An ISO code (any case) or the country's name or a common alias, in several languages. */
export function parseCountry(text: string): Parsed<string> {
  const code = recognizeCountry(text);
  return code ? ok(code) : fail('is not a country code or name');
}

export function parseCurrency(text: string): Parsed<string> {
  const code = text.trim().toUpperCase();
  return isCurrencyCode(code) ? ok(code) : fail('is not a currency code in use (ISO 4217, like USD)');
}

export function parseChoice<T extends string>(text: string, values: readonly T[], synonyms: Record<string, T> = {}): Parsed<T> {
  const key = normalizeHeader(text);
  const direct = values.find((v) => normalizeHeader(v) === key);
  if (direct) return ok(direct);
  const synonym = synonyms[key];
  if (synonym) return ok(synonym);
  return fail(`is not one of ${values.join(', ')}`);
}

export function parseDateText(text: string, format: DateFormat): Parsed<string> {
  const value = parseDate(text, format);
  return value ? ok(value) : fail(`is not a date in the ${format} format`);
}

export function parseList(text: string): Parsed<string[]> {
  return ok([...new Set(text.split(/[;,|]/).map((t) => t.trim()).filter(Boolean))]);
}

/** A JSON object of at most 100 keys (an account's custom fields), its values kept as typed. */
export function parseJsonObject(text: string): Parsed<Record<string, unknown>> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return fail('is not JSON, like {"source": "fair"}');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail('is not a JSON object, like {"source": "fair"}');
  const keys = Object.keys(value);
  if (keys.length > 100) return fail('has more than 100 keys');
  if (keys.some((key) => key.length > 100)) return fail('has a key longer than 100 characters');
  return ok(value as Record<string, unknown>);
}
