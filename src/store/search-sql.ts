// SQL twins of the search normalisation in domain/search-text.ts and domain/phone-numbers.ts,
// for columns searched in place rather than through a stored search text.
import { sql, type RawBuilder } from 'kysely';
import { INTERNATIONAL_PREFIX, SHORT_CALLING_CODES } from '../domain/phone-numbers.js';
import { normalizeForSearch } from '../domain/search-text.js';

// Each accented Latin letter and the plain letter normalizeForSearch turns it into, for translate().
const [FOLD_FROM, FOLD_TO] = (() => {
  let from = '';
  let to = '';
  for (let code = 0xc0; code <= 0x24f; code++) {
    const lower = String.fromCodePoint(code).toLowerCase();
    const plain = normalizeForSearch(lower);
    if (lower.length === 1 && plain.length === 1 && plain !== lower && !from.includes(lower)) {
      from += lower;
      to += plain;
    }
  }
  return [from, to];
})();

/** The text lower-cased and without accents, to compare with a term from normalizeForSearch. */
export function foldedSql(text: RawBuilder<unknown>): RawBuilder<string> {
  return sql<string>`translate(lower(${text}), ${FOLD_FROM}, ${FOLD_TO})`;
}

const digitsOf = (text: RawBuilder<unknown>) => sql<string>`regexp_replace(${text}, '\\D', '', 'g')`;
const oneDigitCodes = `^(${SHORT_CALLING_CODES.filter((c) => c.length === 1).join('|')})`;
const twoDigitCodes = `^(${SHORT_CALLING_CODES.filter((c) => c.length === 2).join('|')})`;

/** nationalDigits() in SQL: the national form of an international number, else null. */
export function nationalDigitsSql(phone: RawBuilder<unknown>): RawBuilder<string | null> {
  const digits = digitsOf(sql`regexp_replace(${phone}, ${INTERNATIONAL_PREFIX}, '')`);
  return sql<string | null>`case when ${phone} ~ ${INTERNATIONAL_PREFIX} then '0' || substr(${digits},
    case when ${digits} ~ ${oneDigitCodes} then 2 when ${digits} ~ ${twoDigitCodes} then 3 else 4 end) end`;
}

/** The phone's bare digits. */
export const phoneDigitsSql = digitsOf;
