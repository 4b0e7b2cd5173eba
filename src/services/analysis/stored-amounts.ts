// A run stores its figures as the pure rules compute them, in cents; the API gives amounts as
// decimal strings. These turn the stored explanations and team tables into what the API gives,
// naming for each part the fields that are amounts (a part's other numbers are counts, scores
// and shares, such as the inactive score's `scoreParts.revenue`). What they read is stored JSON,
// checked by nothing on its way in: each part is declared once here as the schema the API
// documents (domain/schemas/analysis-views.ts, account-classes.ts).
import { amount } from '../../domain/money.js';
import type { AccountClasses } from '../../domain/schemas/account-classes.js';
import type { ChurnSignal, GrowthDetail, InactiveDetail, TeamView } from '../../domain/schemas/analysis-views.js';

type Part = Record<string, unknown>;

function amountsIn(part: unknown, fields: readonly string[]): Part | null | undefined {
  if (!part) return part as null | undefined;
  const copy: Part = { ...(part as Part) };
  for (const field of fields) {
    const value = copy[field];
    if (typeof value === 'number') copy[field] = amount(value);
  }
  return copy;
}

const withFigures = (part: unknown, fields: readonly string[]): Part | null | undefined =>
  part ? { ...(part as Part), figures: amountsIn((part as Part).figures, fields) } : part as null | undefined;

const SUMMARY = ['revenue', 'averageTicket', 'revenueLast12Months', 'revenuePrevious12Months'];
const GROWTH = ['revenueLast12Months', 'averageTicket', 'peerBenchmark', 'potential'];
const INACTIVE = ['lastPurchaseRevenue', 'yearlyRevenueAtStake'];
const CLV = ['clv', 'expectedAverageValue'];
const CHURN_SIGNAL = ['recentMean', 'earlierMean', 'revenueLast12Months', 'revenuePrevious12Months'];

export const growthAmounts = (growth: unknown) => amountsIn(growth, GROWTH) as GrowthDetail | undefined;
export const inactiveAmounts = (inactive: unknown) => amountsIn(inactive, INACTIVE) as InactiveDetail | undefined;
export const churnSignalAmounts = (signals: unknown) =>
  (signals as unknown[] | undefined)?.map((s) => withFigures(s, CHURN_SIGNAL)) as ChurnSignal[] | undefined;

type Explanation = Omit<AccountClasses, 'run' | 'accountId' | 'history' | 'currency'>;

/** An account's stored explanation (its classes' rules and figures) with its amounts as decimal strings. */
export function explanationAmounts(reasons: Part): Explanation {
  return {
    status: reasons.status,
    abc: withFigures(reasons.abc, ['revenue', 'aFrom', 'bFrom']),
    rfm: withFigures(reasons.rfm, ['revenue']),
    volumeTier: withFigures(reasons.volumeTier, ['revenue', 'veryHighFrom', 'highFrom', 'averageFrom', 'meanRevenue']),
    frequency: reasons.frequency,
    churnSignals: churnSignalAmounts(reasons.churnSignals),
    summary: amountsIn(reasons.summary, SUMMARY),
    growth: growthAmounts(reasons.growth) ?? null,
    inactive: inactiveAmounts(reasons.inactive) ?? null,
    clv: amountsIn(reasons.clv, CLV) ?? null,
  } as Explanation;
}

const TEAM_FIGURES = ['revenue', 'revenuePerAccount'];
interface StoredTeam { dimension: string; byRep: unknown[]; byRepAndType: unknown[]; leaders: (Part | null)[] }

/** A stored team table (per rep, per rep and account type, and the leaders) with its amounts as decimal strings. */
export function teamAmounts(stored: unknown): Omit<TeamView, 'run' | 'currency'> {
  const team = stored as StoredTeam;
  return {
    ...team,
    byRep: team.byRep.map((row) => amountsIn(row, TEAM_FIGURES)),
    byRepAndType: team.byRepAndType.map((row) => amountsIn(row, TEAM_FIGURES)),
    // Only the revenue-per-account leader's value is an amount; the other leaders' are rates.
    leaders: team.leaders.map((leader) => leader && { ...leader, revenuePerAccount: amountsIn(leader.revenuePerAccount, ['value']) }),
  } as Omit<TeamView, 'run' | 'currency'>;
}
