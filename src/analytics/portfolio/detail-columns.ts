// What a run keeps per account beside its class codes so that the account's explanation can be
// given when it is read (explain-account.ts), worked out for the whole portfolio as columns:
//   growth    for the accounts buying now, the peer group they were measured against, how many
//             peers and their benchmark revenue (growthPotentials' rule), and the potential;
//   recovery  for the inactive accounts, where their revenue at stake and their purchase days
//             rank among the inactive accounts, and the worth-recovering score (analyseInactive).
import { ABC_CLASSES, STATUS_CLASSES } from '../../domain/portfolio/classes.js';
import { YEAR_DAYS, dayNumber } from './calendar.js';
import type { ClassColumns, ClassFigures } from './classify-columns.js';
import type { RunContext, StoredPlacement } from './explain-account.js';
import { PEER_GROUP_NAMES } from './growth-potential.js';
import { inactiveScore } from './inactive.js';
import { quantileWithout } from './peer-groups.js';
import type { PortfolioColumns } from './portfolio-columns.js';
import type { PortfolioSettings } from '../../domain/portfolio/settings.js';
import { percentRanks } from './statistics.js';

const CURRENT = STATUS_CLASSES.indexOf('current');
const ACTIVE = STATUS_CLASSES.indexOf('active');
const INACTIVE = STATUS_CLASSES.indexOf('inactive');

export interface DetailColumns {
  /** Index into PEER_GROUP_NAMES; −1 when not buying now or without enough peers. */
  peerGroup: Int8Array;
  /** Peers in that group; for a buying account without enough peers, the other buying accounts. −1 when not buying now. */
  peerCount: Int32Array;
  /** The peers' benchmark revenue and how far below it the account is, in cents; NaN without a group. */
  peerBenchmark: Float64Array;
  growthPotential: Float64Array;
  /** Shares 0 to 1 and the score 0 to 100 of the inactive accounts; NaN for the others. */
  recoveryRevenueRank: Float64Array;
  recoveryFrequencyRank: Float64Array;
  recoveryScore: Float64Array;
}

export function detailColumns(columns: PortfolioColumns, classes: ClassColumns): DetailColumns {
  const { settings, summaries, status } = classes;
  const n = classes.ids.length;
  const out: DetailColumns = {
    peerGroup: new Int8Array(n).fill(-1), peerCount: new Int32Array(n).fill(-1), peerBenchmark: new Float64Array(n).fill(Number.NaN),
    growthPotential: new Float64Array(n).fill(Number.NaN), recoveryRevenueRank: new Float64Array(n).fill(Number.NaN),
    recoveryFrequencyRank: new Float64Array(n).fill(Number.NaN), recoveryScore: new Float64Array(n).fill(Number.NaN),
  };
  growthInto(columns, classes, out);

  // The inactive accounts, each one's revenue over the 365 days ending on its last purchase.
  const inactive: number[] = [];
  for (let i = 0; i < n; i++) if (status[i] === INACTIVE && summaries.lastPurchase[i]! >= 0) inactive.push(i);
  const atStake = inactive.map((i) => {
    const start = columns.offsets[i]!;
    const end = start + summaries.purchaseDays[i]!;
    const from = summaries.lastPurchase[i]! - YEAR_DAYS;
    let revenue = 0;
    for (let j = start; j < end; j++) if (columns.days[j]! > from) revenue += columns.revenue[j]!;
    return revenue;
  });
  const revenueRanks = percentRanks(atStake);
  const frequencyRanks = percentRanks(inactive.map((i) => summaries.purchaseDays[i]!));
  const asOf = dayNumber(classes.asOf);
  const { lostAfterDays } = settings.inactive;
  inactive.forEach((i, k) => {
    const daysOut = asOf - summaries.lastPurchase[i]! - settings.status.activeWindowDays;
    const parts = { revenue: revenueRanks[k]!, frequency: frequencyRanks[k]!, recency: Math.min(1, Math.max(0, 1 - daysOut / lostAfterDays)) };
    out.recoveryRevenueRank[i] = parts.revenue;
    out.recoveryFrequencyRank[i] = parts.frequency;
    out.recoveryScore[i] = inactiveScore(parts, settings);
  });
  return out;
}

/** growthPotentials' rule over the accounts buying now: the narrowest group with enough other buyers. */
function growthInto(columns: PortfolioColumns, classes: ClassColumns, out: DetailColumns): void {
  const { settings, summaries, status } = classes;
  const { peerQuantile, minPeers } = settings.growth;
  const n = classes.ids.length;
  const { segment, size } = columns;
  let base = 1;
  for (let i = 0; i < n; i++) base = Math.max(base, size[i]! + 1);
  const keyOf = [
    (i: number) => (segment[i]! >= 0 && size[i]! >= 0 ? segment[i]! * base + size[i]! : -1),
    (i: number) => size[i]!,
    () => 0,
  ];
  const buying: number[] = [];
  for (let i = 0; i < n; i++) if (status[i] === CURRENT || status[i] === ACTIVE) buying.push(i);
  const groups = keyOf.map((key) => {
    const lists = new Map<number, number[]>();
    for (const i of buying) {
      const k = key(i);
      if (k < 0) continue;
      let list = lists.get(k);
      if (!list) lists.set(k, list = []);
      list.push(summaries.revenueLast12Months[i]!);
    }
    return new Map([...lists].map(([k, list]) => [k, Float64Array.from(list).sort()]));
  });
  for (const i of buying) {
    const own = summaries.revenueLast12Months[i]!;
    out.peerCount[i] = buying.length - 1;
    for (let g = 0; g < PEER_GROUP_NAMES.length; g++) {
      const k = keyOf[g]!(i);
      const revenues = k < 0 ? undefined : groups[g]!.get(k);
      if (!revenues || revenues.length - 1 < minPeers) continue;
      const benchmark = Math.round(quantileWithout(revenues, own, peerQuantile));
      out.peerGroup[i] = g;
      out.peerCount[i] = revenues.length - 1;
      out.peerBenchmark[i] = benchmark;
      out.growthPotential[i] = Math.max(0, benchmark - own);
      break;
    }
  }
}

/** What the run keeps for account i (the columns' order), as explainAccount reads it back. */
export function placementAt(classes: ClassColumns, details: DetailColumns, pAlive: Float64Array | undefined, i: number): StoredPlacement {
  const ranked = classes.abcRank[i]! > 0;
  const bought = classes.summaries.orderCount[i]! > 0;
  const alive = pAlive?.[i];
  return {
    status: STATUS_CLASSES[classes.status[i]!]!,
    abc: ABC_CLASSES[classes.abc[i]!]!,
    abcRank: ranked ? classes.abcRank[i]! : null,
    abcAbove: ranked ? classes.abcAbove[i]! : null,
    scores: bought ? { r: classes.recencyScore[i]!, f: classes.frequencyScore[i]!, m: classes.monetaryScore[i]! } : null,
    alikeActiveCustomers: bought ? null : classes.alikeActiveCustomers[i]!,
    peerGroup: details.peerGroup[i]! >= 0 ? details.peerGroup[i]! : null,
    peerCount: details.peerCount[i]! >= 0 ? details.peerCount[i]! : null,
    peerBenchmark: Number.isNaN(details.peerBenchmark[i]!) ? null : details.peerBenchmark[i]!,
    recoveryRanks: Number.isNaN(details.recoveryRevenueRank[i]!) ? null
      : { revenue: details.recoveryRevenueRank[i]!, frequency: details.recoveryFrequencyRank[i]! },
    pAlive: alive === undefined || Number.isNaN(alive) ? null : alive,
  };
}

/** What explainAccount needs of a run, from its portfolio figures as the run stores them. */
export function runContextOf(asOf: string, settings: PortfolioSettings, figures: Pick<ClassFigures, 'volumeTiers' | 'abc' | 'inactiveAbc' | 'statuses'>): RunContext {
  return {
    asOf, settings, volumeTiers: figures.volumeTiers,
    abc: { rankedAccounts: figures.abc.rankedAccounts, totalRevenue: figures.abc.totalRevenue },
    inactiveAbc: { rankedAccounts: figures.inactiveAbc.rankedAccounts, totalRevenue: figures.inactiveAbc.totalRevenue },
    activeCustomers: figures.statuses.current + figures.statuses.active,
  };
}
