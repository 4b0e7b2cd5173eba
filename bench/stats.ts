// Latency statistics for the benchmarks.
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export interface LatencySummary {
  samples: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function summarize(millis: readonly number[]): LatencySummary {
  const sorted = [...millis].sort((a, b) => a - b);
  const round = (v: number) => Math.round(v * 100) / 100;
  return {
    samples: sorted.length,
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted[sorted.length - 1] ?? NaN),
  };
}

/** Runs `work` n times after a warm-up and returns each run's wall time in milliseconds. */
export async function time(n: number, warmup: number, work: (i: number) => Promise<void>): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await work(i);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = process.hrtime.bigint();
    await work(warmup + i);
    out.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return out;
}
