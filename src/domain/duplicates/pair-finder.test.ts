import { describe, expect, it } from 'vitest';
import { findPairs, type Profile } from './pair-finder.js';

const named = (name: string, values: Profile['values'] = []): Profile => ({ values, name, nameKey: name.replace(/ /g, '') });
const options = { maxShared: 3, window: 1, similarity: 0.9 };
const pairs = (found: ReturnType<typeof findPairs>) => found.evidence.map((e) => [e.a, e.b]).sort();

describe('findPairs', () => {
  it('pairs every two records sharing a value, once, with every value they share', () => {
    const found = findPairs([
      named('', [['email', 'a@x.fr'], ['phone', '0102030405']]), named('', [['email', 'a@x.fr'], ['phone', '0102030405']]), named('', [['email', 'b@x.fr']]),
    ], options);
    expect(found.evidence).toEqual([{ a: 0, b: 1, shared: new Map([['email', 'a@x.fr'], ['phone', '0102030405']]) }]);
  });

  it('ignores a value shared by more records than allowed', () => {
    const found = findPairs(Array.from({ length: 4 }, () => named('', [['domain', 'shared.example']])), options);
    expect(found.evidence).toEqual([]);
    expect(found.ignored).toEqual([{ signal: 'domain', value: 'shared.example', count: 4 }]);
  });

  it('compares a name only with its neighbours within the window', () => {
    // Alphabetically "acme industries 2" sits between the two alike names, and reversed "t 3 x" does.
    const profiles = [named('acme industries'), named('acme industries 2'), named('acme industriez'), named('x 3 t')];
    expect(pairs(findPairs(profiles, { ...options, window: 1 }))).toEqual([]);
    expect(pairs(findPairs(profiles, { ...options, window: 2 }))).toEqual([[0, 2]]);
  });

  it('finds names differing in their first letter through their reversed spelling', () => {
    const profiles = [named('bacme widgets'), named('bz 9'), named('cacme widgets')];
    const found = findPairs(profiles, options);
    expect(pairs(found)).toEqual([[0, 2]]);
    expect(found.evidence[0]!.similarity).toBeGreaterThan(0.9);
  });

  it('never calls names differing in their numbers similar, nor compares a name with itself', () => {
    const found = findPairs([named('agence 12 lyon'), named('agence 13 lyon'), named('agence 12 lyon')], options);
    expect(found.evidence.every((e) => e.similarity === undefined)).toBe(true);
  });
});
