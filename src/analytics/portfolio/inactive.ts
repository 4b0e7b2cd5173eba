// What is at stake with the accounts that stopped buying (status inactive), and which are
// worth winning back. The worth-recovering score (0 to 100) is a weighted mean of three parts:
//   revenue    where its yearly revenue at stake ranks among the inactive accounts (0 to 1);
//   frequency  where its number of purchase days ranks among them;
//   recency    1 when it has just dropped out of the active window, falling in a straight
//              line to 0 once it has been out for lostAfterDays: the longer gone, the harder.
// The yearly revenue at stake is what it bought in the 365 days ending on its last purchase.
import type { Cents } from '../../domain/money.js';
import { daysBefore, utcDay } from './calendar.js';
import { revenueOfLastActiveYear } from './purchase-windows.js';
import type { PortfolioSettings } from '../../domain/portfolio/settings.js';
import { percentRanks } from './statistics.js';
import type { AccountSummary, NoteFact, OrderFact } from '../../domain/portfolio/facts.js';
import { days, money, percent, times } from './wording.js';

export interface InactiveAccount {
  accountId: number;
  lastPurchase: string;
  daysSinceLastPurchase: number;
  /** The first day it counted as inactive: its last purchase left the active window. */
  inactiveSince: string;
  /** What it bought on its last purchase day. */
  lastPurchaseItems: string[];
  lastPurchaseRevenue: Cents;
  /** Its latest claims, calls and notes, newest first. */
  lastNotes: NoteFact[];
  yearlyRevenueAtStake: Cents;
  purchaseDays: number;
  score: number;
  scoreParts: { revenue: number; frequency: number; recency: number };
  explanation: string;
}

export interface InactiveInput {
  /** Summaries of the inactive accounts only: the ranks are among them. */
  summaries: readonly AccountSummary[];
  orders: readonly OrderFact[];
  notes: readonly NoteFact[];
}

export function analyseInactive(input: InactiveInput, settings: PortfolioSettings): InactiveAccount[] {
  const summaries = input.summaries.filter((summary) => summary.lastPurchase !== null);
  const lastDay = new Map(summaries.map((summary) => [summary.accountId, summary.lastPurchase!]));
  const asOf = summaries[0]?.asOf;

  const items = new Map<number, string[]>();
  for (const order of input.orders) {
    const day = lastDay.get(order.accountId);
    if (day !== undefined && utcDay(order.orderedAt) === day) {
      const list = items.get(order.accountId) ?? [];
      list.push(...(order.items ?? []));
      items.set(order.accountId, list);
    }
  }
  const notes = new Map<number, NoteFact[]>();
  for (const note of input.notes) {
    if (!lastDay.has(note.accountId) || asOf === undefined || utcDay(note.occurredAt) > asOf) continue;
    const list = notes.get(note.accountId) ?? [];
    list.push(note);
    notes.set(note.accountId, list);
  }

  const atStake = summaries.map(revenueOfLastActiveYear);
  const revenueRanks = percentRanks(atStake);
  const frequencyRanks = percentRanks(summaries.map((summary) => summary.purchaseDayCount));

  return summaries.map((summary, i) => inactiveAccountOf(summary, { revenue: revenueRanks[i]!, frequency: frequencyRanks[i]! },
    items.get(summary.accountId) ?? [], notes.get(summary.accountId) ?? [], settings));
}

/**
 * One inactive account's worth-recovering score and explanation, given where its revenue at
 * stake and its purchase days rank among the inactive accounts (0 to 1), what it bought on its
 * last purchase day and its notes up to the as-of day. A run keeps the two ranks, so the
 * explanation can be given again when the account is read.
 */
export function inactiveAccountOf(summary: AccountSummary, ranks: { revenue: number; frequency: number }, lastPurchaseItems: string[],
  notes: readonly NoteFact[], settings: PortfolioSettings): InactiveAccount {
  const { lostAfterDays, notesShown } = settings.inactive;
  const { activeWindowDays } = settings.status;
  const atStake = revenueOfLastActiveYear(summary);
  const daysOut = summary.daysSinceLastPurchase! - activeWindowDays;
  const parts = {
    revenue: ranks.revenue,
    frequency: ranks.frequency,
    recency: Math.min(1, Math.max(0, 1 - daysOut / lostAfterDays)),
  };
  const score = inactiveScore(parts, settings);
  const accountNotes = [...notes]
    .sort((a, b) => (a.occurredAt < b.occurredAt ? 1 : a.occurredAt > b.occurredAt ? -1 : 0))
    .slice(0, notesShown);
  return {
    accountId: summary.accountId,
    lastPurchase: summary.lastPurchase!,
    daysSinceLastPurchase: summary.daysSinceLastPurchase!,
    inactiveSince: daysBefore(summary.lastPurchase!, -activeWindowDays),
    lastPurchaseItems,
    lastPurchaseRevenue: summary.purchases.at(-1)!.revenue,
    lastNotes: accountNotes,
    yearlyRevenueAtStake: atStake,
    purchaseDays: summary.purchaseDayCount,
    score,
    scoreParts: parts,
    explanation: `Worth recovering ${score} of 100: ${money(atStake)} a year at stake `
      + `(ahead of ${percent(parts.revenue)} of inactive accounts), ${times(summary.purchaseDayCount, 'purchase day')} `
      + `(ahead of ${percent(parts.frequency)}), no purchase for ${days(summary.daysSinceLastPurchase!)}, `
      + `${days(Math.max(0, daysOut))} past the active window (recency ${percent(parts.recency)}).`,
  };
}

/** The worth-recovering score, 0 to 100, from its three parts (see the top). */
export function inactiveScore(parts: { revenue: number; frequency: number; recency: number }, settings: PortfolioSettings): number {
  const { weights } = settings.inactive;
  const weightSum = weights.revenue + weights.frequency + weights.recency;
  return Math.round((100 * (weights.revenue * parts.revenue + weights.frequency * parts.frequency
    + weights.recency * parts.recency)) / weightSum);
}
