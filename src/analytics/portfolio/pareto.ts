// The Pareto curve and concentration figures of any list of revenues: the whole portfolio's
// come with the ABC classification; a rep's own accounts get theirs from here.
import { gini } from './statistics.js';

export interface ParetoFigures {
  points: { accountShare: number; revenueShare: number }[];
  accounts: number;
  totalRevenue: number;
  /** The revenue share of the top `topAccountShare` of accounts (a fraction of the next account counts in part). */
  topRevenueShare: number | null;
  gini: number | null;
}

export function paretoFigures(revenues: readonly number[], topAccountShare: number, maxPoints: number): ParetoFigures {
  const ranked = revenues.filter((r) => r > 0).sort((a, b) => b - a);
  const n = ranked.length;
  const cumulative = [0];
  for (const revenue of ranked) cumulative.push(cumulative.at(-1)! + revenue);
  const total = cumulative[n]!;
  if (n === 0) return { points: [], accounts: 0, totalRevenue: 0, topRevenueShare: null, gini: null };
  const indices = n + 1 <= maxPoints
    ? Array.from({ length: n + 1 }, (_, i) => i)
    : [...new Set(Array.from({ length: maxPoints }, (_, j) => Math.round((j * n) / (maxPoints - 1))))];
  const k = topAccountShare * n;
  const whole = Math.floor(k);
  const partial = whole < n ? (k - whole) * ranked[whole]! : 0;
  return {
    points: indices.map((i) => ({ accountShare: i / n, revenueShare: cumulative[i]! / total })),
    accounts: n,
    totalRevenue: total,
    topRevenueShare: (cumulative[whole]! + partial) / total,
    gini: gini(ranked),
  };
}
