import { describe, expect, it } from 'vitest';
import { runInBatches } from './run-in-batches';

describe('changing many accounts at once', () => {
  it('changes every account, never more than the allowed number at a time', async () => {
    let running = 0;
    let most = 0;
    const outcome = await runInBatches([1, 2, 3, 4, 5, 6, 7], async (id) => {
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 1));
      running--;
      return id * 10;
    }, 3);
    expect(outcome.done.sort((a, b) => a - b)).toEqual([10, 20, 30, 40, 50, 60, 70]);
    expect(most).toBe(3);
  });

  it('keeps going past failures and says which accounts failed', async () => {
    const outcome = await runInBatches([1, 2, 3], async (id) => {
      if (id === 2) throw new Error('no');
      return id;
    });
    expect(outcome.done.sort()).toEqual([1, 3]);
    expect(outcome.failed.map((f) => f.id)).toEqual([2]);
  });
});
