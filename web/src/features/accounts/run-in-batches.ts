// Applies one change to many accounts, a few requests at a time, collecting what failed
// instead of stopping at the first failure.
export interface BatchOutcome<T> {
  done: T[];
  failed: { id: number; error: unknown }[];
}

export async function runInBatches<T>(ids: readonly number[], change: (id: number) => Promise<T>, concurrency = 4): Promise<BatchOutcome<T>> {
  const outcome: BatchOutcome<T> = { done: [], failed: [] };
  let next = 0;
  const worker = async () => {
    while (next < ids.length) {
      const id = ids[next++]!;
      try {
        outcome.done.push(await change(id));
      } catch (error) {
        outcome.failed.push({ id, error });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, ids.length) }, worker));
  return outcome;
}
