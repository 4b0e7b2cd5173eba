// Growth potential of the accounts buying now (current or active): what each spent over the
// last 12 months against what alike accounts spend. Alike means the other buying accounts
// of the same segment and size; with fewer than minPeers of them, the same size; then the
// whole buying portfolio. The yardstick is the peers' revenue at the settings' quantile
// (the median by default), and the potential is how far the account is below it.
import { type Cents, cents } from '../../domain/money.js';
import type { PortfolioSettings } from './settings.js';
import type { AccountFact, AccountSummary } from './types.js';
import { decimal, money, percent } from './wording.js';

export type PeerGroup = 'segment_and_size' | 'size' | 'portfolio';

export interface GrowthInput {
  account: AccountFact;
  summary: AccountSummary;
}

export interface GrowthPotential {
  accountId: number;
  revenueLast12Months: Cents;
  averageTicket: Cents | null;
  meanGapDays: number | null;
  medianGapDays: number | null;
  peerGroup: PeerGroup | null;
  peerCount: number;
  peerBenchmark: Cents | null;
  /** Revenue a year below the benchmark (0 when at or above it); null without enough peers. */
  potential: Cents | null;
  ratioToPeers: number | null;
  reason: string;
}

/** The quantile of a sorted list with one occurrence of `without` left out. */
function quantileWithout(sorted: readonly number[], without: number, p: number): number {
  let skip = 0;
  let high = sorted.length - 1;
  while (skip < high) {
    const middle = (skip + high) >>> 1;
    if (sorted[middle]! < without) skip = middle + 1;
    else high = middle;
  }
  const at = (j: number) => sorted[j < skip ? j : j + 1]!;
  const position = (sorted.length - 2) * p;
  const below = Math.floor(position);
  const upper = Math.min(below + 1, sorted.length - 2);
  return at(below) + (at(upper) - at(below)) * (position - below);
}

function groupKeys(account: AccountFact): [PeerGroup, string | null][] {
  return [
    ['segment_and_size', account.segment !== null && account.size !== null ? JSON.stringify([account.segment, account.size]) : null],
    ['size', account.size],
    ['portfolio', ''],
  ];
}

function describeGroup(group: PeerGroup, account: AccountFact, count: number): string {
  if (group === 'segment_and_size') return `${count} buying ${account.segment} accounts of ${account.size} size`;
  if (group === 'size') return `${count} buying accounts of ${account.size} size`;
  return `${count} buying accounts of the portfolio`;
}

/** Inputs are the accounts buying now; each is compared with the others. */
export function growthPotentials(inputs: readonly GrowthInput[], settings: PortfolioSettings): GrowthPotential[] {
  const { peerQuantile, minPeers } = settings.growth;
  const groups = new Map<string, number[]>();
  for (const { account, summary } of inputs) {
    for (const [group, key] of groupKeys(account)) {
      if (key === null) continue;
      const id = `${group}:${key}`;
      let revenues = groups.get(id);
      if (!revenues) groups.set(id, revenues = []);
      revenues.push(summary.revenueLast12Months);
    }
  }
  for (const revenues of groups.values()) revenues.sort((a, b) => a - b);
  const yardstick = peerQuantile === 0.5 ? 'the median' : `the ${decimal(peerQuantile * 100)}th percentile`;

  return inputs.map(({ account, summary }) => {
    const own = summary.revenueLast12Months;
    const base = {
      accountId: account.id,
      revenueLast12Months: own,
      averageTicket: summary.averageTicket,
      meanGapDays: summary.meanGapDays,
      medianGapDays: summary.medianGapDays,
    };
    for (const [group, key] of groupKeys(account)) {
      if (key === null) continue;
      const revenues = groups.get(`${group}:${key}`)!;
      const peerCount = revenues.length - 1;
      if (peerCount < minPeers) continue;
      const benchmark = cents(Math.round(quantileWithout(revenues, own, peerQuantile)));
      const potential = cents(Math.max(0, benchmark - own));
      const compared = `Spent ${money(own)} over the last 12 months; ${yardstick} of ${describeGroup(group, account, peerCount)} is ${money(benchmark)}`;
      return {
        ...base,
        peerGroup: group,
        peerCount,
        peerBenchmark: benchmark,
        potential,
        ratioToPeers: benchmark > 0 ? own / benchmark : null,
        reason: potential > 0
          ? `${compared}: ${money(potential)} a year of room to grow (${percent(own / benchmark)} of it so far).`
          : `${compared}: already at or above it.`,
      };
    }
    return {
      ...base,
      peerGroup: null,
      peerCount: inputs.length - 1,
      peerBenchmark: null,
      potential: null,
      ratioToPeers: null,
      reason: `Fewer than ${minPeers} other buying accounts to compare with.`,
    };
  });
}
