// One account's classes after its orders changed, without classifying the whole portfolio
// again: its own rules (status, frequency, churn signals) run as usual, and the relative ones
// (volume tier, ABC, RFM) place it against the thresholds the latest run found for the
// portfolio. The next full run settles any drift those thresholds have since.
import { type AbcClass } from '../../domain/portfolio/classes.js';
import { ranksAsInactive } from './abc.js';
import { type ChurnSignal, churnSignals } from './churn-signals.js';
import { classifyFrequency } from './frequency.js';
import { type FrequencyClass } from '../../domain/portfolio/classes.js';
import { LAST_ACTIVE_WORDS, lastActiveRevenue, periodRevenue, PERIOD_WORDS } from './purchase-windows.js';
import { type RfmClass } from './rfm.js';
import { rfmSegmentRule } from '../../domain/portfolio/rfm-segments.js';
import type { PortfolioSettings } from '../../domain/portfolio/settings.js';
import { BUYING_NOW, type StatusClass } from '../../domain/portfolio/classes.js';
import { classifyStatuses } from './status.js';
import { summarizeHistory } from './summarize.js';
import type { AccountFact, AccountSummary, Classification, Figures, PurchaseHistory } from '../../domain/portfolio/facts.js';
import type { VolumeTier } from '../../domain/portfolio/classes.js';
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
  /**
   * The same among the inactive accounts without revenue in the period, on their revenue over the
   * period ending on their last purchase (abc.ts); absent from runs stored before those were ranked.
   */
  inactiveAbc?: { aFrom: number | null; bFrom: number | null };
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

/** A value class against a run's smallest A and B revenues (abc.ts's rule, placed rather than ranked). */
function placeValue(revenue: number, { aFrom, bFrom }: { aFrom: number | null; bFrom: number | null },
  words: { said: string; notRanked: string; basis: string }, extra: Figures): Classification<AbcClass> {
  if (revenue <= 0) return { class: 'none', rule: words.notRanked, figures: { revenue, ...extra } };
  const cls: AbcClass = aFrom !== null && revenue >= aFrom ? 'A' : bFrom !== null && revenue >= bFrom ? 'B' : 'C';
  return {
    class: cls,
    rule: `${words.said} ${money(revenue)}, ${words.basis} (A from ${aFrom === null ? '–' : money(aFrom)}, B from ${bFrom === null ? '–' : money(bFrom)}): ${cls}.`,
    figures: { revenue, aFrom, bFrom, ...extra },
  };
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

  const period = settings.revenuePeriod;
  const abc = ranksAsInactive(status.class === 'inactive', revenue)
    ? placeValue(lastActiveRevenue(summary, period), run.inactiveAbc ?? { aFrom: null, bFrom: null }, {
      said: `Inactive, with revenue ${LAST_ACTIVE_WORDS[period]} of`,
      notRanked: `Inactive, with no revenue ${LAST_ACTIVE_WORDS[period]}, so not ranked.`,
      basis: `against the inactive accounts of the run of ${run.asOf}`,
    }, { ranking: 'inactive', lastPurchase: summary.lastPurchase })
    : placeValue(revenue, run.abc, { said: `Revenue ${PERIOD_WORDS[period]} of`, notRanked: `No revenue ${PERIOD_WORDS[period]}, so not ranked.`, basis }, {});

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
  accounts: readonly { summary: AccountSummary; status: Classification<StatusClass>; abc: Classification<AbcClass>; rfm: Classification<RfmClass> }[] }): RunThresholds {
  const bands = (): ScoreBands => [null, null, null, null, null];
  const rfm = { recencyDays: bands(), orders: bands(), revenue: bands() };
  const widen = (list: ScoreBands, score: unknown, value: number) => {
    if (typeof score !== 'number') return;
    const band = list[score - 1];
    list[score - 1] = band ? { min: Math.min(band.min, value), max: Math.max(band.max, value) } : { min: value, max: value };
  };
  const abc = { aFrom: null as number | null, bFrom: null as number | null };
  const inactiveAbc = { aFrom: null as number | null, bFrom: null as number | null };
  const lowest = (from: number | null, revenue: number) => (from === null ? revenue : Math.min(from, revenue));
  for (const { summary, status, abc: value, rfm: scores } of result.accounts) {
    const period = periodRevenue(summary, result.settings.revenuePeriod);
    const inactive = ranksAsInactive(status.class === 'inactive', period);
    const bounds = inactive ? inactiveAbc : abc;
    const revenue = inactive ? lastActiveRevenue(summary, result.settings.revenuePeriod) : period;
    if (value.class === 'A') bounds.aFrom = lowest(bounds.aFrom, revenue);
    if (value.class === 'B') bounds.bFrom = lowest(bounds.bFrom, revenue);
    if (scores.class === 'none') continue;
    widen(rfm.recencyDays, scores.figures.recency, summary.daysSinceLastPurchase!);
    widen(rfm.orders, scores.figures.frequency, summary.orderCount);
    widen(rfm.revenue, scores.figures.monetary, summary.revenue);
  }
  return { asOf: result.asOf, settings: result.settings, volumeTier: result.portfolio.volumeTiers.thresholds, abc, inactiveAbc, rfm };
}
