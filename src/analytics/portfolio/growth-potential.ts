// Growth potential of the accounts buying now (current or active): what each spent over the
// last 12 months against what alike accounts spend. Alike means the other buying accounts
// of the same segment and size; with fewer than minPeers of them, the same size; then the
// whole buying portfolio. The yardstick is the peers' revenue at the settings' quantile
// (the median by default), and the potential is how far the account is below it.
import { type Cents, cents } from '../../domain/money.js';
import { describePeerGroup as describeGroup, type PeerGroup, quantileWithout } from './peer-groups.js';
import type { PortfolioSettings } from '../../domain/portfolio/settings.js';
import type { AccountFact, AccountSummary } from '../../domain/portfolio/facts.js';
import { decimal, money, percent } from './wording.js';

export type { PeerGroup } from './peer-groups.js';

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

const PEER_GROUPS: readonly PeerGroup[] = ['segment_and_size', 'size', 'portfolio'];

/** Inputs are the accounts buying now; each is compared with the others. */
export function growthPotentials(inputs: readonly GrowthInput[], settings: PortfolioSettings): GrowthPotential[] {
  const { peerQuantile, minPeers } = settings.growth;
  // The revenues of each peer group, and each input's groups narrowest first (null where it
  // lacks a field the group needs): groups by value rather than by a text key per account.
  const bySegmentAndSize = new Map<string, Map<string, number[]>>();
  const bySize = new Map<string, number[]>();
  const portfolio: number[] = [];
  const groupsOf = inputs.map(({ account, summary }) => {
    const { segment, size } = account;
    let segmentAndSize: number[] | null = null;
    if (segment !== null && size !== null) {
      let sizes = bySegmentAndSize.get(segment);
      if (!sizes) bySegmentAndSize.set(segment, sizes = new Map());
      segmentAndSize = sizes.get(size) ?? null;
      if (!segmentAndSize) sizes.set(size, segmentAndSize = []);
    }
    let sameSize: number[] | null = null;
    if (size !== null) {
      sameSize = bySize.get(size) ?? null;
      if (!sameSize) bySize.set(size, sameSize = []);
    }
    const revenue = summary.revenueLast12Months;
    segmentAndSize?.push(revenue);
    sameSize?.push(revenue);
    portfolio.push(revenue);
    return [segmentAndSize, sameSize, portfolio] as const;
  });
  const sorted = new Map<number[], Float64Array>();
  const sortedOf = (revenues: number[]) => {
    let list = sorted.get(revenues);
    if (!list) sorted.set(revenues, list = Float64Array.from(revenues).sort());
    return list;
  };
  return inputs.map(({ account, summary }, i) => {
    const own = summary.revenueLast12Months;
    const groups = groupsOf[i]!;
    for (let g = 0; g < PEER_GROUPS.length; g++) {
      const revenues = groups[g];
      if (!revenues) continue;
      const peerCount = revenues.length - 1;
      if (peerCount < minPeers) continue;
      const benchmark = cents(Math.round(quantileWithout(sortedOf(revenues), own, peerQuantile)));
      return growthPotentialOf(account, summary, { group: PEER_GROUPS[g]!, peerCount, benchmark }, inputs.length - 1, settings);
    }
    return growthPotentialOf(account, summary, null, inputs.length - 1, settings);
  });
}

/** The peer group an account was measured against: its kind, the peers in it and their benchmark revenue. */
export interface PeerBenchmark {
  group: PeerGroup;
  peerCount: number;
  benchmark: Cents;
}

export const PEER_GROUP_NAMES = PEER_GROUPS;

/**
 * One buying account's growth potential against its peers' benchmark (null when no group had
 * enough peers; `otherBuyers` is then how many others there were). A run keeps the group, the
 * count and the benchmark, so the explanation can be given again when the account is read.
 */
export function growthPotentialOf(account: AccountFact, summary: AccountSummary, peers: PeerBenchmark | null, otherBuyers: number,
  settings: PortfolioSettings): GrowthPotential {
  const { peerQuantile, minPeers } = settings.growth;
  const own = summary.revenueLast12Months;
  const base = {
    accountId: account.id, revenueLast12Months: own, averageTicket: summary.averageTicket,
    meanGapDays: summary.meanGapDays, medianGapDays: summary.medianGapDays,
  };
  if (!peers) {
    return {
      ...base, peerGroup: null, peerCount: otherBuyers, peerBenchmark: null, potential: null, ratioToPeers: null,
      reason: `Fewer than ${minPeers} other buying accounts to compare with.`,
    };
  }
  const { group, peerCount, benchmark } = peers;
  const yardstick = peerQuantile === 0.5 ? 'the median' : `the ${decimal(peerQuantile * 100)}th percentile`;
  const potential = cents(Math.max(0, benchmark - own));
  const compared = `Spent ${money(own)} over the last 12 months; ${yardstick} of ${describeGroup(group, account, peerCount)} is ${money(benchmark)}`;
  return {
    ...base, peerGroup: group, peerCount, peerBenchmark: benchmark, potential,
    ratioToPeers: benchmark > 0 ? own / benchmark : null,
    reason: potential > 0
      ? `${compared}: ${money(potential)} a year of room to grow (${percent(own / benchmark)} of it so far).`
      : `${compared}: already at or above it.`,
  };
}
