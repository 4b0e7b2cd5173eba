// One account's explanation, given when it is read: each class with the rule that decided it in
// words and its figures, as classifyPortfolio gives them for the whole portfolio. A run stores
// per account only its class codes and the few figures that place it among the others (its
// rank and the revenue above it, its RFM scores, the active customers alike, its peer group,
// its recovery ranks, its P(alive)); the portfolio's thresholds are kept once with the run.
// Everything else comes from the account's own purchase days up to the run's day.
import { rankedValueClass, rankingWords, ranksAsInactive } from './abc.js';
import type { AccountClassification } from './classify-portfolio.js';
import { type AbcClass, BUYING_NOW, type StatusClass } from '../../domain/portfolio/classes.js';
import { aliveSignal, churnSignals } from './churn-signals.js';
import { classifyFrequency } from './frequency.js';
import { type GrowthPotential, growthPotentialOf, PEER_GROUP_NAMES } from './growth-potential.js';
import { type InactiveAccount, inactiveAccountOf } from './inactive.js';
import { periodRevenue } from './purchase-windows.js';
import { rfmClass } from './rfm.js';
import type { PortfolioSettings } from '../../domain/portfolio/settings.js';
import { neverBoughtStatus, purchaseStatusOf } from './status.js';
import { emptyHistory, summarizeHistory } from './summarize.js';
import type { AccountFact, NoteFact, PurchaseHistory } from '../../domain/portfolio/facts.js';
import { tierExplainer, type VolumeTiers } from './volume-tier.js';
import type { Cents } from '../../domain/money.js';

/** What a run keeps once for all its accounts that their explanations need. */
export interface RunContext {
  asOf: string;
  settings: PortfolioSettings;
  volumeTiers: Omit<VolumeTiers, 'classes'>;
  /** How many accounts each ranking ranked, and their revenue. */
  abc: { rankedAccounts: number; totalRevenue: number };
  inactiveAbc: { rankedAccounts: number; totalRevenue: number };
  /** Accounts current or active: "probable" compares with them, growth measures among them. */
  activeCustomers: number;
}

/** What a run keeps per account beside its class codes. */
export interface StoredPlacement {
  status: StatusClass;
  abc: AbcClass;
  /** Its rank in its value ranking and the revenue of the accounts above it; null when not ranked. */
  abcRank: number | null;
  abcAbove: number | null;
  /** RFM scores; null when it never bought. */
  scores: { r: number; f: number; m: number } | null;
  /** Active customers sharing its profile, for an account that never bought. */
  alikeActiveCustomers: number | null;
  /** The peer group a buying account was measured against (null without enough peers), the peers and their benchmark. */
  peerGroup: number | null;
  peerCount: number | null;
  peerBenchmark: number | null;
  /** Where an inactive account's revenue at stake and purchase days rank among the inactive accounts. */
  recoveryRanks: { revenue: number; frequency: number } | null;
  pAlive: number | null;
}

/** An account's classes with their rules and figures, as classifyPortfolio gives them, and the details that apply to it. */
export interface AccountExplanation extends AccountClassification {
  growth?: GrowthPotential;
  inactive?: InactiveAccount;
}

export interface ExplainInput {
  account: AccountFact;
  history: PurchaseHistory | undefined;
  stored: StoredPlacement;
  /** For an inactive account: what it bought on its last purchase day, and its notes up to the run's day. */
  lastPurchaseItems?: string[];
  notes?: readonly NoteFact[];
}

export function explainAccount(run: RunContext, input: ExplainInput): AccountExplanation {
  const { settings } = run;
  const { account, stored } = input;
  const summary = summarizeHistory(input.history ?? emptyHistory(account.id), run.asOf);
  const status = purchaseStatusOf({ account, summary }, settings)
    ?? neverBoughtStatus(account, stored.alikeActiveCustomers ?? 0, run.activeCustomers, settings);

  const period = periodRevenue(summary, settings.revenuePeriod);
  const inactiveRanking = ranksAsInactive(status.class === 'inactive', period);
  const words = rankingWords(settings, inactiveRanking);
  const revenue = words.revenueOf(summary);
  const ranking = inactiveRanking ? run.inactiveAbc : run.abc;
  const abc = stored.abcRank === null || stored.abcAbove === null || !(revenue > 0)
    ? words.notRanked(summary, revenue)
    : rankedValueClass(words, summary, stored.abcRank, ranking.rankedAccounts, revenue, stored.abcAbove, ranking.totalRevenue, settings);

  const rfm = stored.scores ? rfmClass(summary, stored.scores.r, stored.scores.f, stored.scores.m) : rfmClass(summary, 0, 0, 0);
  const buying = BUYING_NOW.has(status.class);
  const alive = buying ? aliveSignal(stored.pAlive, abc.class, settings) : null;
  const explanation: AccountExplanation = {
    accountId: account.id,
    summary,
    status,
    volumeTier: tierExplainer(run.volumeTiers, settings)(period),
    frequency: classifyFrequency(summary, settings),
    abc,
    rfm,
    churnSignals: buying ? (alive ? [...churnSignals(summary, settings), alive] : churnSignals(summary, settings)) : [],
  };
  if (buying) {
    const group = stored.peerGroup === null ? undefined : PEER_GROUP_NAMES[stored.peerGroup];
    const peers = group && stored.peerCount !== null && stored.peerBenchmark !== null
      ? { group, peerCount: stored.peerCount, benchmark: stored.peerBenchmark as Cents } : null;
    explanation.growth = growthPotentialOf(account, summary, peers, run.activeCustomers - 1, settings);
  }
  if (status.class === 'inactive' && summary.lastPurchase !== null && stored.recoveryRanks) {
    explanation.inactive = inactiveAccountOf(summary, stored.recoveryRanks, input.lastPurchaseItems ?? [], input.notes ?? [], settings);
  }
  return explanation;
}
