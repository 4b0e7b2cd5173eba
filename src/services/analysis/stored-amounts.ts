// A run stores its figures as the pure rules compute them, in cents; the API gives amounts as
// decimal strings. These turn the stored explanations and team tables into what the API gives,
// naming for each part the fields that are amounts (a part's other numbers are counts, scores
// and shares, such as the inactive score's `scoreParts.revenue`).
import { amount } from '../../domain/money.js';

type Part = Record<string, any> | null | undefined;

function amountsIn<T extends Part>(part: T, fields: readonly string[]): T {
  if (!part) return part;
  const copy: Record<string, unknown> = { ...part };
  for (const field of fields) {
    const value = copy[field];
    if (typeof value === 'number') copy[field] = amount(value);
  }
  return copy as T;
}

const withFigures = (part: Part, fields: readonly string[]): Part =>
  part && { ...part, figures: amountsIn(part.figures as Part, fields) };

const SUMMARY = ['revenue', 'averageTicket', 'revenueLast12Months', 'revenuePrevious12Months'];
const GROWTH = ['revenueLast12Months', 'averageTicket', 'peerBenchmark', 'potential'];
const INACTIVE = ['lastPurchaseRevenue', 'yearlyRevenueAtStake'];
const CLV = ['clv', 'expectedAverageValue'];
const CHURN_SIGNAL = ['recentMean', 'earlierMean', 'revenueLast12Months', 'revenuePrevious12Months'];

export const growthAmounts = (growth: Part) => amountsIn(growth, GROWTH);
export const inactiveAmounts = (inactive: Part) => amountsIn(inactive, INACTIVE);
export const churnSignalAmounts = (signals: Part[] | undefined) => signals?.map((s) => withFigures(s, CHURN_SIGNAL));

/** An account's stored explanation (its classes' rules and figures) with its amounts as decimal strings. */
export function explanationAmounts(reasons: Record<string, Part>) {
  return {
    status: reasons.status,
    abc: withFigures(reasons.abc, ['revenue', 'aFrom', 'bFrom']),
    rfm: withFigures(reasons.rfm, ['revenue']),
    volumeTier: withFigures(reasons.volumeTier, ['revenue', 'veryHighFrom', 'highFrom', 'averageFrom', 'meanRevenue']),
    frequency: reasons.frequency,
    churnSignals: churnSignalAmounts(reasons.churnSignals as unknown as Part[]),
    summary: amountsIn(reasons.summary, SUMMARY),
    growth: growthAmounts(reasons.growth) ?? null,
    inactive: inactiveAmounts(reasons.inactive) ?? null,
    clv: amountsIn(reasons.clv, CLV) ?? null,
  };
}

const TEAM_FIGURES = ['revenue', 'revenuePerAccount'];

/** A stored team table (per rep, per rep and account type, and the leaders) with its amounts as decimal strings. */
export function teamAmounts(team: { byRep: Part[]; byRepAndType: Part[]; leaders: Part[] } & Record<string, unknown>) {
  return {
    ...team,
    byRep: team.byRep.map((row) => amountsIn(row, TEAM_FIGURES)),
    byRepAndType: team.byRepAndType.map((row) => amountsIn(row, TEAM_FIGURES)),
    // Only the revenue-per-account leader's value is an amount; the other leaders' are rates.
    leaders: team.leaders.map((leader) => leader && { ...leader, revenuePerAccount: amountsIn(leader.revenuePerAccount as Part, ['value']) }),
  };
}
