import { describe, expect, it } from 'vitest';
import { topK } from './top-k.js';

describe('top k', () => {
  const above = (a: number, b: number) => a > b;

  it('keeps the k highest, best first, whatever order they come in', () => {
    expect(topK([5, 1, 9, 3, 7, 9, 2], 3, above)).toEqual([9, 9, 7]);
    expect(topK([1, 2, 3, 4, 5, 6], 2, above)).toEqual([6, 5]);
    expect(topK([6, 5, 4, 3, 2, 1], 2, above)).toEqual([6, 5]);
  });

  it('returns them all when there are fewer than k, and nothing for k = 0', () => {
    expect(topK([2, 3, 1], 5, above)).toEqual([3, 2, 1]);
    expect(topK([2, 3, 1], 0, above)).toEqual([]);
  });

  it('keeps the first of equals first, so ties follow the input order', () => {
    const byScore = (a: { s: number }, b: { s: number }) => a.s > b.s;
    expect(topK([{ s: 1, id: 'a' }, { s: 2, id: 'b' }, { s: 1, id: 'c' }], 2, byScore).map((x) => x.id)).toEqual(['b', 'a']);
  });
});
