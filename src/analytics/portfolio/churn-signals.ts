// Pre-churn signals of an account that still buys (current or active), each with its reason
// in words:
//   overdue_repurchase        no purchase for more than k times its own median gap (with at
//                             least minGapsForOverdue gaps, so the median means something);
//   shrinking_purchase_value  its last n purchases average less than the n before, beyond
//                             valueDropShare (a purchase is a day's orders);
//   revenue_drop              its revenue over the last 12 months fell beyond revenueDropShare
//                             from the 12 months before;
//   shrinking_frequency       it bought on fewer days in the last 12 months than in the 12
//                             before, beyond frequencyDropShare.
import type { ChurnSignalKind } from '../../domain/portfolio/classes.js';
import type { PortfolioSettings } from '../../domain/portfolio/settings.js';
import type { AccountSummary, Figures } from '../../domain/portfolio/facts.js';
import { days, decimal, money, percent, times } from './wording.js';


export interface ChurnSignal {
  kind: ChurnSignalKind;
  reason: string;
  figures: Figures;
}

// The fall as a share of before, from whole numbers (days, cents): a 10 → 7 fall is exactly
// 0.3, not beyond a 30 % setting; 1 − 7/10 would be 0.30000000000000004, and beyond it.
const drop = (now: number, before: number) => (before - now) / before;

export function churnSignals(summary: AccountSummary, settings: PortfolioSettings): ChurnSignal[] {
  const s = settings.churn;
  const signals: ChurnSignal[] = [];
  const gaps = summary.purchaseDayCount - 1;
  const since = summary.daysSinceLastPurchase;
  const gap = summary.medianGapDays;

  // since / gap rather than multiple × gap: 1.4 × 45 is 62.99999999999999, which 63 days would exceed.
  if (since !== null && gap !== null && gap > 0 && gaps >= s.minGapsForOverdue && since / gap > s.overdueGapMultiple) {
    signals.push({
      kind: 'overdue_repurchase',
      reason: `No purchase for ${days(since)}, ${decimal(since / gap)}× its usual ${decimal(gap)}-day gap.`,
      figures: { daysSinceLastPurchase: since, medianGapDays: gap, multiple: Math.round((since / gap) * 100) / 100, overdueGapMultiple: s.overdueGapMultiple },
    });
  }

  const n = s.valueTrendPurchases;
  if (summary.purchases.length >= 2 * n) {
    const recentTotal = summary.purchases.slice(-n).reduce((sum, p) => sum + p.revenue, 0);
    const earlierTotal = summary.purchases.slice(-2 * n, -n).reduce((sum, p) => sum + p.revenue, 0);
    const [recent, earlier] = [recentTotal / n, earlierTotal / n];
    const fall = drop(recentTotal, earlierTotal);
    if (earlierTotal > 0 && fall > s.valueDropShare) {
      signals.push({
        kind: 'shrinking_purchase_value',
        reason: `Its last ${times(n, 'purchase')} averaged ${money(recent)}, ${percent(fall)} less than the ${n} before (${money(earlier)}).`,
        figures: { purchasesCompared: n, recentMean: Math.round(recent), earlierMean: Math.round(earlier), drop: Math.round(fall * 1000) / 1000 },
      });
    }
  }

  const last = summary.revenueLast12Months;
  const previous = summary.revenuePrevious12Months;
  if (previous > 0 && drop(last, previous) > s.revenueDropShare) {
    signals.push({
      kind: 'revenue_drop',
      reason: `Revenue over the last 12 months of ${money(last)}, down ${percent(drop(last, previous))} from ${money(previous)} in the 12 months before.`,
      figures: { revenueLast12Months: last, revenuePrevious12Months: previous, drop: Math.round(drop(last, previous) * 1000) / 1000 },
    });
  }

  const now = summary.purchasesLast12Months;
  const before = summary.purchasesPrevious12Months;
  if (before >= s.minPreviousPurchases && drop(now, before) > s.frequencyDropShare) {
    signals.push({
      kind: 'shrinking_frequency',
      reason: `Bought on ${times(now, 'day')} in the last 12 months against ${before} in the 12 months before, down ${percent(drop(now, before))}.`,
      figures: { purchasesLast12Months: now, purchasesPrevious12Months: before, drop: Math.round(drop(now, before) * 1000) / 1000 },
    });
  }
  return signals;
}

/**
 * A valuable account the BG/NBD model thinks has probably stopped buying: its purchases are
 * spaced out beyond what its own rhythm explains. Needs the model's P(alive) for the account.
 */
export function aliveSignal(pAlive: number | null, abcClass: string, settings: PortfolioSettings): ChurnSignal | null {
  const below = settings.churn.aliveBelow;
  if (pAlive === null || !(pAlive < below) || (abcClass !== 'A' && abcClass !== 'B')) return null;
  return {
    kind: 'probably_leaving',
    reason: `A class-${abcClass} account with only a ${Math.round(pAlive * 100)} % chance of still buying from us (below ${Math.round(below * 100)} %), by its purchase rhythm.`,
    figures: { pAlive: Math.round(pAlive * 1000) / 1000, aliveBelow: below, abc: abcClass },
  };
}
