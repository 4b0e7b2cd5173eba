import { describe, expect, it } from 'vitest';
import { jaro, jaroWinkler, jaroWinklerBound } from './jaro-winkler.js';

describe('Jaro-Winkler similarity', () => {
  it('gives the published values of the textbook examples', () => {
    // Winkler's examples, as in most references: MARTHA/MARHTA, DWAYNE/DUANE, DIXON/DICKSONX.
    expect(jaro('martha', 'marhta')).toBeCloseTo(0.944, 3);
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.961, 3);
    expect(jaroWinkler('dwayne', 'duane')).toBeCloseTo(0.84, 3);
    expect(jaroWinkler('dixon', 'dicksonx')).toBeCloseTo(0.813, 3);
  });

  it('is 1 for equal names, 0 with nothing in common, and symmetric', () => {
    expect(jaroWinkler('acme', 'acme')).toBe(1);
    expect(jaroWinkler('abc', 'xyz')).toBe(0);
    expect(jaroWinkler('', 'acme')).toBe(0);
    expect(jaroWinkler('dupont', 'dupond')).toBeCloseTo(jaroWinkler('dupond', 'dupont'), 12);
  });

  it('rates a typo in a name above different names', () => {
    expect(jaroWinkler('acme industries', 'acme industrie')).toBeGreaterThan(0.95);
    expect(jaroWinkler('acme', 'apex')).toBeLessThan(0.8);
  });

  it('bounds the similarity from the lengths and the characters in common, never below the real value', () => {
    const common = (a: string, b: string) => {
      const left = [...b];
      return [...a].filter((c) => { const i = left.indexOf(c); if (i < 0) return false; left.splice(i, 1); return true; }).length;
    };
    const pairs = [['martha', 'marhta'], ['dwayne', 'duane'], ['acme', 'apex'], ['dupont', 'dupond'], ['abc', 'xyz'], ['kalo vanter', 'terva nkalo']];
    for (const [a, b] of pairs) {
      expect(jaroWinklerBound(a!.length, b!.length, common(a!, b!))).toBeGreaterThanOrEqual(jaroWinkler(a!, b!));
      expect(jaroWinklerBound(a!.length, b!.length)).toBeGreaterThanOrEqual(jaroWinklerBound(a!.length, b!.length, common(a!, b!)));
    }
    expect(jaroWinklerBound(4, 20)).toBeLessThan(0.92);
    expect(jaroWinklerBound(5, 5, 0)).toBe(0);
  });
});
