// Free-text search compares normalised text: no case, no accents, and phone numbers also as
// bare digits so "+33 1 23 45" finds "01.23.45".
import { nationalDigits } from './phone-numbers.js';

export function normalizeForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase().trim();
}

export function searchTextOf(values: ReadonlyArray<string | null | undefined>, phones: ReadonlyArray<string | null | undefined> = []): string {
  const parts = values.filter((v): v is string => !!v).map(normalizeForSearch);
  for (const phone of phones) {
    if (!phone) continue;
    parts.push(normalizeForSearch(phone));
    const digits = phone.replace(/\D/g, '');
    if (digits) parts.push(digits);
    const national = nationalDigits(phone);
    if (national) parts.push(national);
  }
  return parts.join(' | ');
}
