// One account's classes after its orders changed, without classifying the whole portfolio
// again: its own rules (status, frequency, churn signals) run as usual, and the relative ones
// (volume tier, ABC, RFM) place it against the thresholds the latest run found for the
// portfolio. The next full run settles any drift those thresholds have since.
import { type AbcClass } from './abc.js';
import { type ChurnSignal, churnSignals } from './churn-signals.js';
import { classifyFrequency, type FrequencyClass } from './frequency.js';
import { periodRevenue, PERIOD_WORDS } from './purchase-windows.js';
import { type RfmClass } from './rfm.js';
import { rfmSegmentRule } from './rfm-segments.js';
import type { PortfolioSettings } from './settings.js';
import { BUYING_NOW, classifyStatuses, type StatusClass } from './status.js';
import { summarizeHistory } from './summarize.js';
import type { AccountFact, AccountSummary, Classification, PurchaseHistory } from './types.js';
import type { VolumeTier } from './volume-tier.js';
import { money } from './wording.js';

/** The lowest and highest value of one RFM measure among the accounts that got each score 1 to 5. */
export type ScoreBands = ({ min: number; max: number } | null)[];

export interface RunThresholds {
  /** The day the run looked from, and its rules. */
  asOf: string;
  settings: PortfolioSettings;
  volumeTier: { veryHigh: number; high: number; average: number } | null;
  /** The smallest period revenue among the run's A accounts and among its B accounts. */
  abc: { aFrom: number | null; bFrom: number | null };
  rfm: { recencyDays: ScoreBands; orders: ScoreBands; revenue: ScoreBands };
}

export interface AccountReclassification {
  accountId: number;
  summary: AccountSummary;
  status: Classification<StatusClass>;
  volumeTier: Classification<VolumeTier>;
  frequency: Classification<FrequencyClass>;
  abc: Classification<AbcClass>;
  rfm: Classification<RfmClass> & { scores: { r: number; f: number; m: number } | null };
  churnSignals: ChurnSignal[];
}

/** The highest score whose band the value reaches (higher values score higher), at least 1. */
function scoreUp(bands: ScoreBands, value: number): number {
  let score = 1;
  bands.forEach((band, i) => { if (band && value >= band.min) score = Math.max(score, i + 1); });
  return score;
}

/** The same for a measure where lower is better (days since the last purchase). */
function scoreDown(bands: ScoreBands, value: number): number {
  let score = 1;
  bands.forEach((band, i) => { if (band && value <= band.max) score = Math.max(score, i + 1); });
  return score;
}

export function reclassifyAccount(account: AccountFact, history: PurchaseHistory, run: RunThresholds, asOf: string): AccountReclassification {
  const { settings } = run;
  const summary = summarizeHistory(history, asOf);
  const status = classifyStatuses([{ account, summary }], settings).get(account.id)!;
  const revenue = periodRevenue(summary, settings.revenuePeriod);
  const said = `Revenue ${PERIOD_WORDS[settings.revenuePeriod]} of ${money(revenue)}`;
  const basis = `against the thresholds of the run of ${run.asOf}`;

  let volumeTier: Classification<VolumeTier>;
  const t = run.volumeTier;
  if (revenue <= 0 || !t) volumeTier = { class: 'none', rule: `No revenue ${PERIOD_WORDS[settings.revenuePeriod]}, so not ranked.`, figures: { revenue } };
  else {
    const tier: VolumeTier = revenue >= t.veryHigh ? 'very_high' : revenue >= t.high ? 'high' : revenue >= t.average ? 'average' : 'low';
    volumeTier = {
      class: tier,
      rule: `${said}, ${basis} (very high from ${money(t.veryHigh)}, high from ${money(t.high)}, average from ${money(t.average)}): ${tier.replace('_', ' ')}.`,
      figures: { revenue, veryHighFrom: t.veryHigh, highFrom: t.high, averageFrom: t.average },
    };
  }

  let abc: Classification<AbcClass>;
  const { aFrom, bFrom } = run.abc;
  if (revenue <= 0) abc = { class: 'none', rule: `No revenue ${PERIOD_WORDS[settings.revenuePeriod]}, so not ranked.`, figures: { revenue } };
  else {
    const cls: AbcClass = aFrom !== null && revenue >= aFrom ? 'A' : bFrom !== null && revenue >= bFrom ? 'B' : 'C';
    abc = {
      class: cls,
      rule: `${said}, ${basis} (A from ${aFrom === null ? '–' : money(aFrom)}, B from ${bFrom === null ? '–' : money(bFrom)}): ${cls}.`,
      figures: { revenue, aFrom, bFrom },
    };
  }

  let rfm: AccountReclassification['rfm'];
  if (summary.orderCount === 0) rfm = { class: 'none', rule: 'Has never bought, so has no RFM scores.', figures: {}, scores: null };
  else {
    const r = scoreDown(run.rfm.recencyDays, summary.daysSinceLastPurchase!);
    const f = scoreUp(run.rfm.orders, summary.orderCount);
    const m = scoreUp(run.rfm.revenue, summary.revenue);
    const rule = rfmSegmentRule(r, f, m);
    rfm = {
      class: rule.segment,
      rule: `Scores R${r} F${f} M${m}, ${basis}: ${rule.meaning}`,
      figures: { recency: r, frequency: f, monetary: m, rfm: `${r}${f}${m}`, daysSinceLastPurchase: summary.daysSinceLastPurchase, orders: summary.orderCount, revenue: summary.revenue },
      scores: { r, f, m },
    };
  }

  return {
    accountId: account.id, summary, status, volumeTier, frequency: classifyFrequency(summary, settings), abc, rfm,
    churnSignals: BUYING_NOW.has(status.class) ? churnSignals(summary, settings) : [],
  };
}

/** The portfolio thresholds a full run found, kept with it so single accounts can be placed later. */
export function thresholdsOf(result: { asOf: string; settings: PortfolioSettings; portfolio: { volumeTiers: { thresholds: RunThresholds['volumeTier'] } };
  accounts: readonly { summary: AccountSummary; abc: Classification<AbcClass>; rfm: Classification<RfmClass> }[] }): RunThresholds {
  const bands = (): ScoreBands => [null, null, null, null, null];
  const rfm = { recencyDays: bands(), orders: bands(), revenue: bands() };
  const widen = (list: ScoreBands, score: unknown, value: number) => {
    if (typeof score !== 'number') return;
    const band = list[score - 1];
    list[score - 1] = band ? { min: Math.min(band.min, value), max: Math.max(band.max, value) } : { min: value, max: value };
  };
  let aFrom: number | null = null;
  let bFrom: number | null = null;
  for (const { summary, abc, rfm: scores } of result.accounts) {
    const revenue = periodRevenue(summary, result.settings.revenuePeriod);
    if (abc.class === 'A') aFrom = aFrom === null ? revenue : Math.min(aFrom, revenue);
    if (abc.class === 'B') bFrom = bFrom === null ? revenue : Math.min(bFrom, revenue);
    if (scores.class === 'none') continue;
    widen(rfm.recencyDays, scores.figures.recency, summary.daysSinceLastPurchase!);
    widen(rfm.orders, scores.figures.frequency, summary.orderCount);
    widen(rfm.revenue, scores.figures.monetary, summary.revenue);
  }
  return { asOf: result.asOf, settings: result.settings, volumeTier: result.portfolio.volumeTiers.thresholds, abc: { aFrom, bFrom }, rfm };
}
