import { describe, expect, it } from 'vitest';
import { daysWords, duplicatePairsWords } from './figures.js';

describe('figure wording shared by the CLI and the web app', () => {
  it('gives days with one decimal at most, as a median of whole days can be half a day', () => {
    expect(daysWords(54.5)).toBe('54.5 days');
    expect(daysWords(30)).toBe('30 days');
    expect(daysWords(1)).toBe('1 day');
    expect(daysWords(1234.25)).toBe('1,234.3 days');
  });

  it('counts duplicate pairs of one kind of record, in the singular for one', () => {
    expect(duplicatePairsWords('account', 339)).toBe('339 likely duplicate pairs of accounts');
    expect(duplicatePairsWords('contact', 1)).toBe('1 likely duplicate pair of contacts');
  });
});
