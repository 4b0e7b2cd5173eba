import { describe, expect, it } from 'vitest';
import { compressTriples } from './rfm-triples.js';

describe('compressTriples', () => {
  it('merges identical histories into one weighted triple and keeps existing weights', () => {
    const compressed = compressTriples([
      { x: 0, tx: 0, T: 38 }, { x: 2, tx: 10, T: 38 }, { x: 0, tx: 0, T: 38 },
      { x: 0, tx: 0, T: 38, weight: 5 }, { x: 0, tx: 0, T: 30 },
    ]);
    expect(compressed).toEqual([
      { x: 0, tx: 0, T: 38, weight: 7 }, { x: 2, tx: 10, T: 38, weight: 1 }, { x: 0, tx: 0, T: 30, weight: 1 },
    ]);
  });

  it('names the entry and field of an impossible history', () => {
    expect(() => compressTriples([{ x: 1, tx: 5, T: 10 }, { x: 1.5, tx: 5, T: 10 }])).toThrow(/triples\[1\]\.x/);
    expect(() => compressTriples([{ x: 1, tx: 12, T: 10 }])).toThrow(/triples\[0\]\.tx must lie between 0 and T/);
    expect(() => compressTriples([{ x: 0, tx: 3, T: 10 }])).toThrow(/triples\[0\]\.tx must be 0/);
    expect(() => compressTriples([{ x: 0, tx: 0, T: NaN }])).toThrow(/triples\[0\]\.T/);
    expect(() => compressTriples([{ x: 0, tx: 0, T: 1, weight: 0 }])).toThrow(/triples\[0\]\.weight/);
  });
});
