// Every account's classes at once, as columns of class codes: the same rules as
// classifyPortfolio (status, volume tier, frequency, ABC, RFM, churn signals), without the
// rule sentences and figures objects that explain one account. A run stores these codes and
// the figures they came from; an account's explanation is worked out when someone reads it.
// That keeps a million accounts to a few passes over typed arrays.
import { type AbcAnalysis, rankAbc, ranksAsInactive } from './abc.js';
import { YEAR_DAYS, dayNumber, utcDay } from './calendar.js';
import { CHURN_SIGNAL_KINDS, type ChurnSignalKind } from '../../domain/portfolio/classes.js';
import { FREQUENCY_CLASSES, type FrequencyClass } from '../../domain/portfolio/classes.js';
import type { PortfolioColumns } from './portfolio-columns.js';
import type { RunThresholds, ScoreBands } from './reclassify-account.js';
import { quintileScoreColumn } from './rfm.js';
import { RFM_SEGMENTS, type RfmSegment, rfmSegmentRule } from '../../domain/portfolio/rfm-segments.js';
import { type PortfolioSettings, type PortfolioSettingsInput, resolvePortfolioSettings } from '../../domain/portfolio/settings.js';
import { STATUS_CLASSES, type StatusClass } from '../../domain/portfolio/classes.js';
import { type SummaryColumns, summarizeColumns } from './summarize-columns.js';
import { sortedNumbers } from './statistics.js';
import { VOLUME_TIERS, type VolumeTier } from '../../domain/portfolio/classes.js';
import { type VolumeTiers, tierOf, tierThresholds } from './volume-tier.js';

/** The code of accounts that never bought, in the RFM column. */
export const RFM_NONE = RFM_SEGMENTS.length;

const STATUS = Object.fromEntries(STATUS_CLASSES.map((c, i) => [c, i])) as Record<StatusClass, number>;
const FREQUENCY = Object.fromEntries(FREQUENCY_CLASSES.map((c, i) => [c, i])) as Record<FrequencyClass, number>;
const SIGNAL = Object.fromEntries(CHURN_SIGNAL_KINDS.map((c, i) => [c, 1 << i])) as Record<ChurnSignalKind, number>;
const ABC_NONE = 3;

export interface ClassColumns {
  asOf: string;
  settings: PortfolioSettings;
  ids: Float64Array;
  summaries: SummaryColumns;
  /** The revenue the tiers and ABC rank on (the settings' period). */
  periodRevenue: Float64Array;
  /** Indices into STATUS_CLASSES, VOLUME_TIERS, FREQUENCY_CLASSES and ABC_CLASSES. */
  status: Uint8Array;
  volumeTier: Uint8Array;
  frequency: Uint8Array;
  abc: Uint8Array;
  /** 1 for the best account by revenue; 0 when not ranked. */
  abcRank: Int32Array;
  /** The revenue its value class ranks on: the period's, or an inactive account's last active period (abc.ts). */
  valueRevenue: Float64Array;
  /** The revenue of the accounts ranked above it in its ranking (what its class follows); 0 when not ranked. */
  abcAbove: Float64Array;
  /** Index into RFM_SEGMENTS; RFM_NONE when the account never bought. */
  rfm: Uint8Array;
  /** Scores 1 to 5; 0 when the account never bought. */
  recencyScore: Uint8Array;
  frequencyScore: Uint8Array;
  monetaryScore: Uint8Array;
  /** Bit k set when the account shows CHURN_SIGNAL_KINDS[k]. */
  churn: Uint8Array;
  /** Active customers sharing each probable-or-not account's profile (0 for the others). */
  alikeActiveCustomers: Int32Array;
  activeCustomers: number;
  thresholds: RunThresholds;
  figures: ClassFigures;
}

export interface ClassFigures {
  accounts: number;
  buyers: number;
  statuses: Record<StatusClass, number>;
  volumeTiers: Omit<VolumeTiers, 'classes'> & { counts: Record<VolumeTier, number> };
  frequencies: Record<FrequencyClass, number>;
  abc: Omit<AbcAnalysis, 'classes'>;
  /** The ranking of the inactive accounts without revenue in the period, on their last active period (abc.ts). */
  inactiveAbc: Omit<AbcAnalysis, 'classes'>;
  rfm: { scoredAccounts: number; segments: Record<RfmSegment, number>; scoreCounts: { r: number[]; f: number[]; m: number[] } };
  churn: { accountsWithSignals: number; signals: Record<ChurnSignalKind, number> };
}

export interface ColumnsInput {
  asOf: string;
  columns: PortfolioColumns;
  settings?: PortfolioSettingsInput;
  /** Each account's probability of being alive, in the columns' order (NaN when unknown). */
  pAlive?: Float64Array;
}

function countCodes<C extends string>(names: readonly C[], codes: Uint8Array): Record<C, number> {
  const counts = new Array<number>(names.length).fill(0);
  for (let i = 0; i < codes.length; i++) counts[codes[i]!]! += 1;
  return Object.fromEntries(names.map((name, i) => [name, counts[i]!])) as Record<C, number>;
}

/**
 * The status of every account. Never-buying accounts are potential (interest and means),
 * probable (enough active customers share every profile field they have filled in) or
 * unqualified; the active customers of each partial profile are counted once, for all
 * eight ways of leaving fields out.
 */
function classifyStatuses(columns: PortfolioColumns, summaries: SummaryColumns, settings: PortfolioSettings) {
  const n = columns.ids.length;
  const status = new Uint8Array(n);
  const alike = new Int32Array(n);
  const { segment, sector, size } = columns;
  // One exact number per partial profile: the codes that count, each shifted past the others.
  let base = 2;
  for (const codes of [segment, sector, size]) for (let i = 0; i < n; i++) base = Math.max(base, codes[i]! + 2);
  const key = (i: number, mask: number) =>
    ((mask & 1 ? segment[i]! + 1 : 0) * base + (mask & 2 ? sector[i]! + 1 : 0)) * base + (mask & 4 ? size[i]! + 1 : 0);
  const byMask = Array.from({ length: 8 }, () => new Map<number, number>());
  const buying = new Uint8Array(n);
  let activeCustomers = 0;
  const undecided: number[] = [];
  for (let i = 0; i < n; i++) {
    if (columns.exCustomer[i]) status[i] = STATUS.ex_customer;
    else if (summaries.orderCount[i] === 0) {
      undecided.push(i);
      continue;
    } else if (summaries.purchasesInWindow[i]! > 0) status[i] = summaries.purchasesInPreviousWindow[i]! > 0 ? STATUS.current : STATUS.active;
    else status[i] = STATUS.inactive;
    if (status[i] === STATUS.current || status[i] === STATUS.active) {
      buying[i] = 1;
      activeCustomers += 1;
    }
  }
  const { probableMinShare, probableMinCustomers } = settings.status;
  const masks = new Uint8Array(n);
  let needed = 0;
  for (const i of undecided) {
    if (columns.hasInterest[i] && columns.hasFinancialCapacity[i]) {
      status[i] = STATUS.potential;
      continue;
    }
    masks[i] = (segment[i]! >= 0 ? 1 : 0) | (sector[i]! >= 0 ? 2 : 0) | (size[i]! >= 0 ? 4 : 0);
    needed |= 1 << masks[i]!;
  }
  // Count the active customers under each partial profile the undecided accounts need.
  if (needed & ~1) {
    for (let i = 0; i < n; i++) {
      if (!buying[i]) continue;
      for (let mask = 1; mask < 8; mask++) {
        if (!(needed & (1 << mask))) continue;
        // A customer that leaves a field empty shares no value in it.
        if ((mask & 1 && segment[i]! < 0) || (mask & 2 && sector[i]! < 0) || (mask & 4 && size[i]! < 0)) continue;
        const counts = byMask[mask]!;
        const k = key(i, mask);
        counts.set(k, (counts.get(k) ?? 0) + 1);
      }
    }
  }
  for (const i of undecided) {
    if (status[i] === STATUS.potential) continue;
    const mask = masks[i]!;
    const count = mask === 0 ? 0 : byMask[mask]!.get(key(i, mask)) ?? 0;
    alike[i] = count;
    const share = activeCustomers === 0 ? 0 : count / activeCustomers;
    status[i] = mask !== 0 && count >= probableMinCustomers && share >= probableMinShare ? STATUS.probable : STATUS.unqualified;
  }
  return { status, alike, activeCustomers };
}

function frequencyOf(summaries: SummaryColumns, i: number, settings: PortfolioSettings): number {
  if (summaries.purchaseDays[i] === 0) return FREQUENCY.none;
  const gap = summaries.medianGapDays[i]!;
  if (Number.isNaN(gap)) return FREQUENCY.one_time;
  if (gap <= settings.frequency.frequentMaxGapDays) return FREQUENCY.frequent;
  return gap <= settings.frequency.regularMaxGapDays ? FREQUENCY.regular : FREQUENCY.occasional;
}

// The fall as a share of before, from whole numbers, as churnSignals words it.
const drop = (now: number, before: number) => (before - now) / before;

/** The churn signals of an account that buys now, as bits (churnSignals' rules). */
function churnBits(columns: PortfolioColumns, summaries: SummaryColumns, i: number, asOf: number, settings: PortfolioSettings): number {
  const s = settings.churn;
  let bits = 0;
  const count = summaries.purchaseDays[i]!;
  const gap = summaries.medianGapDays[i]!;
  if (count > 0 && !Number.isNaN(gap) && gap > 0 && count - 1 >= s.minGapsForOverdue
    && (asOf - summaries.lastPurchase[i]!) / gap > s.overdueGapMultiple) bits |= SIGNAL.overdue_repurchase;

  const n = s.valueTrendPurchases;
  if (count >= 2 * n) {
    const end = columns.offsets[i]! + count;
    let recent = 0;
    let earlier = 0;
    for (let j = end - 2 * n; j < end - n; j++) earlier += columns.revenue[j]!;
    for (let j = end - n; j < end; j++) recent += columns.revenue[j]!;
    if (earlier > 0 && drop(recent, earlier) > s.valueDropShare) bits |= SIGNAL.shrinking_purchase_value;
  }
  const last = summaries.revenueLast12Months[i]!;
  const previous = summaries.revenuePrevious12Months[i]!;
  if (previous > 0 && drop(last, previous) > s.revenueDropShare) bits |= SIGNAL.revenue_drop;
  const now = summaries.purchasesLast12Months[i]!;
  const before = summaries.purchasesPrevious12Months[i]!;
  if (before >= s.minPreviousPurchases && drop(now, before) > s.frequencyDropShare) bits |= SIGNAL.shrinking_frequency;
  return bits;
}

/** The lowest and highest value behind each score 1 to 5, as a run keeps them for placing single accounts. */
function scoreBands(scores: Uint8Array, values: Float64Array): ScoreBands {
  const bands: ScoreBands = [null, null, null, null, null];
  for (let k = 0; k < scores.length; k++) {
    const score = scores[k]!;
    const value = values[k]!;
    const band = bands[score - 1];
    if (!band) bands[score - 1] = { min: value, max: value };
    else {
      if (value < band.min) band.min = value;
      if (value > band.max) band.max = value;
    }
  }
  return bands;
}

export function classifyColumns(input: ColumnsInput): ClassColumns {
  const settings = resolvePortfolioSettings(input.settings);
  const asOf = utcDay(input.asOf);
  const asOfNumber = dayNumber(asOf);
  const { columns } = input;
  const { ids } = columns;
  const n = ids.length;
  const summaries = summarizeColumns(columns, asOfNumber, settings.status.activeWindowDays);
  const { status, alike, activeCustomers } = classifyStatuses(columns, summaries, settings);

  const periodRevenue = settings.revenuePeriod === 'lifetime' ? summaries.revenue : summaries.revenueLast12Months;
  let withRevenue = 0;
  for (let i = 0; i < n; i++) if (periodRevenue[i]! > 0) withRevenue += 1;
  const rankedRevenue = new Float64Array(withRevenue);
  for (let i = 0, k = 0; i < n; i++) if (periodRevenue[i]! > 0) rankedRevenue[k++] = periodRevenue[i]!;

  // Volume tiers against the mean or quantiles of the revenues above zero.
  const { meanRevenue, thresholds: tierBounds } = tierThresholds(sortedNumbers(rankedRevenue), settings);
  const volumeTier = new Uint8Array(n);
  for (let i = 0; i < n; i++) volumeTier[i] = tierOf(periodRevenue[i]!, tierBounds);

  // The value class (abc.ts): ABC by period revenue; the inactive accounts without any, among
  // themselves by their revenue over the period ending on their last purchase.
  const abc = new Uint8Array(n).fill(ABC_NONE);
  const abcRank = new Int32Array(n);
  const abcAbove = new Float64Array(n);
  const quietAt = (i: number) => ranksAsInactive(status[i] === STATUS.inactive, periodRevenue[i]!);
  const lastActive = lastActiveRevenueColumn(columns, summaries, quietAt, settings);
  const byPeriod = rankValue(n, ids, () => true, periodRevenue, settings, abc, abcRank, abcAbove);
  const quiet = rankValue(n, ids, quietAt, lastActive, settings, abc, abcRank, abcAbove);
  const valueRevenue = new Float64Array(n);
  for (let i = 0; i < n; i++) valueRevenue[i] = quietAt(i) ? lastActive[i]! : periodRevenue[i]!;

  // RFM quintiles among the buyers.
  let buyers = 0;
  for (let i = 0; i < n; i++) if (summaries.orderCount[i]! > 0) buyers += 1;
  const buyerAt = new Int32Array(buyers);
  const recencyDays = new Float64Array(buyers);
  const orderCounts = new Float64Array(buyers);
  const revenues = new Float64Array(buyers);
  for (let i = 0, k = 0; i < n; i++) {
    if (!(summaries.orderCount[i]! > 0)) continue;
    buyerAt[k] = i;
    recencyDays[k] = asOfNumber - summaries.lastPurchase[i]!;
    orderCounts[k] = summaries.orderCount[i]!;
    revenues[k++] = summaries.revenue[i]!;
  }
  const r = quintileScoreColumn(recencyDays, 'lower');
  const f = quintileScoreColumn(orderCounts, 'higher');
  const m = quintileScoreColumn(revenues, 'higher');
  const rfm = new Uint8Array(n).fill(RFM_NONE);
  const recencyScore = new Uint8Array(n);
  const frequencyScore = new Uint8Array(n);
  const monetaryScore = new Uint8Array(n);
  const segmentCode = new Map<RfmSegment, number>(RFM_SEGMENTS.map((segment, i) => [segment, i]));
  const scoreCounts = { r: [0, 0, 0, 0, 0], f: [0, 0, 0, 0, 0], m: [0, 0, 0, 0, 0] };
  for (let k = 0; k < buyers; k++) {
    const i = buyerAt[k]!;
    recencyScore[i] = r[k]!;
    frequencyScore[i] = f[k]!;
    monetaryScore[i] = m[k]!;
    rfm[i] = segmentCode.get(rfmSegmentRule(r[k]!, f[k]!, m[k]!).segment)!;
    scoreCounts.r[r[k]! - 1]! += 1;
    scoreCounts.f[f[k]! - 1]! += 1;
    scoreCounts.m[m[k]! - 1]! += 1;
  }

  // Frequency and, for accounts buying now, the churn signals.
  const frequency = new Uint8Array(n);
  const churn = new Uint8Array(n);
  const aliveBelow = settings.churn.aliveBelow;
  const signalCounts = new Array<number>(CHURN_SIGNAL_KINDS.length).fill(0);
  let accountsWithSignals = 0;
  for (let i = 0; i < n; i++) {
    frequency[i] = frequencyOf(summaries, i, settings);
    if (status[i] !== STATUS.current && status[i] !== STATUS.active) continue;
    let bits = churnBits(columns, summaries, i, asOfNumber, settings);
    const alive = input.pAlive?.[i];
    if (alive !== undefined && alive < aliveBelow && abc[i]! <= 1) bits |= SIGNAL.probably_leaving;
    churn[i] = bits;
    if (bits) accountsWithSignals += 1;
    for (let k = 0; k < CHURN_SIGNAL_KINDS.length; k++) if (bits & (1 << k)) signalCounts[k]! += 1;
  }

  return {
    asOf, settings, ids, summaries, periodRevenue, status, volumeTier, frequency, abc, abcRank, abcAbove, valueRevenue, rfm,
    recencyScore, frequencyScore, monetaryScore, churn, alikeActiveCustomers: alike, activeCustomers,
    thresholds: {
      asOf, settings, volumeTier: tierBounds, abc: byPeriod.from, inactiveAbc: quiet.from,
      rfm: { recencyDays: scoreBands(r, recencyDays), orders: scoreBands(f, orderCounts), revenue: scoreBands(m, revenues) },
    },
    figures: {
      accounts: n,
      buyers,
      statuses: countCodes(STATUS_CLASSES, status),
      volumeTiers: {
        method: settings.volumeTier.method, thresholds: tierBounds, rankedAccounts: withRevenue, meanRevenue,
        counts: countCodes(VOLUME_TIERS, volumeTier),
      },
      frequencies: countCodes(FREQUENCY_CLASSES, frequency),
      abc: byPeriod.analysis,
      inactiveAbc: quiet.analysis,
      rfm: {
        scoredAccounts: buyers,
        segments: rfmSegmentCounts(rfm),
        scoreCounts,
      },
      churn: {
        accountsWithSignals,
        signals: Object.fromEntries(CHURN_SIGNAL_KINDS.map((kind, k) => [kind, signalCounts[k]!])) as Record<ChurnSignalKind, number>,
      },
    },
  };
}

/**
 * Ranks the accounts `chosen` picks that have `revenue` above zero (rankAbc) and writes their
 * classes and ranks; returns the ranking's figures and the smallest revenue of its A and B accounts.
 */
function rankValue(n: number, ids: Float64Array, chosen: (i: number) => boolean, revenue: Float64Array, settings: PortfolioSettings,
  abc: Uint8Array, abcRank: Int32Array, abcAbove: Float64Array): { analysis: Omit<AbcAnalysis, 'classes'>; from: { aFrom: number | null; bFrom: number | null } } {
  let count = 0;
  for (let i = 0; i < n; i++) if (chosen(i) && revenue[i]! > 0) count += 1;
  const at = new Int32Array(count);
  const values = new Float64Array(count);
  const rankedIds = new Float64Array(count);
  for (let i = 0, k = 0; i < n; i++) {
    if (!(chosen(i) && revenue[i]! > 0)) continue;
    at[k] = i;
    values[k] = revenue[i]!;
    rankedIds[k++] = ids[i]!;
  }
  const ranking = rankAbc(values, rankedIds, settings);
  let aFrom: number | null = null;
  let bFrom: number | null = null;
  for (let rank = 0; rank < count; rank++) {
    const i = at[ranking.order[rank]!]!;
    abc[i] = ranking.classes[rank]!;
    abcRank[i] = rank + 1;
    abcAbove[i] = ranking.cumulative[rank]!;
    // Ranked best first: the last A and the last B seen hold the smallest revenue of their class.
    if (abc[i] === 0) aFrom = ranking.ranked[rank]!;
    if (abc[i] === 1) bFrom = ranking.ranked[rank]!;
  }
  return { analysis: ranking.analysis, from: { aFrom, bFrom } };
}

/** The revenue over the period ending on the last purchase (lastActiveRevenue) of the accounts `quiet` picks; 0 for the others. */
function lastActiveRevenueColumn(columns: PortfolioColumns, summaries: SummaryColumns, quiet: (i: number) => boolean, settings: PortfolioSettings): Float64Array {
  const n = columns.ids.length;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (!quiet(i)) continue;
    if (settings.revenuePeriod === 'lifetime') {
      out[i] = summaries.revenue[i]!;
      continue;
    }
    const start = columns.offsets[i]!;
    const end = start + summaries.purchaseDays[i]!;
    const from = summaries.lastPurchase[i]! - YEAR_DAYS;
    let first = end;
    while (first > start && columns.days[first - 1]! > from) first--;
    // Summed oldest first, as the explained classifier sums them.
    let revenue = 0;
    for (let j = first; j < end; j++) revenue += columns.revenue[j]!;
    out[i] = revenue;
  }
  return out;
}

/** Accounts per RFM segment; those that never bought (RFM_NONE) are left out. */
function rfmSegmentCounts(rfm: Uint8Array): Record<RfmSegment, number> {
  const { none: _, ...segments } = countCodes([...RFM_SEGMENTS, 'none'], rfm);
  return segments;
}
