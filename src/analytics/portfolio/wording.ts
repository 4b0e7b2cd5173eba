// How figures read inside the rule and reason sentences shown to people.
import { formatMoney } from '../../domain/money.js';

export const money = (value: number) => formatMoney(Math.round(value));

export const percent = (share: number, digits = 0) => `${(share * 100).toFixed(digits)} %`;

export const days = (count: number) => `${Math.round(count)} day${Math.round(count) === 1 ? '' : 's'}`;

export const times = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

/** One decimal at most: 2.8, 3, 0.5. */
export const decimal = (value: number) => String(Math.round(value * 10) / 10);

/** Rounded for the figures shown beside a class, so stored records stay small and stable. */
export const rounded = (value: number | null, digits = 4) =>
  value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits;

/** "a", "a and b", "a, b and c". */
export function listWords(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}
