// The portfolio analysis calls the dashboard makes, typed as the API answers them.
import { api } from '../../shared/api/http';
import type { AnalysisRun } from '../../shared/analysis/use-analysis-run';

export interface Tally {
  accounts: number;
  revenue: string;
}

/** Every analysis answer carrying amounts names their currency. */
interface InCurrency {
  currency: string;
}

export interface Overview extends InCurrency {
  run: AnalysisRun;
  accounts: number;
  revenue: string;
  classes: Record<'status' | 'abc' | 'rfm' | 'volumeTier' | 'frequency', Record<string, Tally>>;
  churn: { accounts: number; signals: Record<string, number> };
  /** The accounts buying now (status current or active), one count for the dashboard, the CLI and the list filter. */
  buyingNow: { accounts: number; averageTicket: string | null; medianDaysBetweenPurchases: number | null };
}

export interface AbcClassFigures extends Tally {
  accountShare: number;
  revenueShare: number;
}

export interface Pareto extends InCurrency {
  rankedAccounts: number;
  totalRevenue: string;
  points: { accountShare: number; revenueShare: number }[];
  classes: Record<'A' | 'B' | 'C', AbcClassFigures>;
  thresholds: { aMaxShare: number; bMaxShare: number };
  topShare: { accountShare: number; revenueShare: number };
  gini: number;
}

export interface RfmGrid extends InCurrency {
  cells: { recency: number; frequency: number; accounts: number; revenue: string }[];
  segments: Record<string, number>;
}

export interface Matrix extends InCurrency {
  rows: string[];
  columns: string[];
  cells: { row: string; column: string; accounts: number; revenue: string }[];
}

export interface SectionRow {
  key: Record<string, string | number | null>;
  accounts: number;
  buyers: number;
  activeAccounts: number;
  activeRate: number | null;
  revenue: string;
  revenueShare: number;
  abc: Record<string, number>;
  accountsWithChurnSignals: number;
}

export interface ChurnItem {
  accountId: number;
  name: string;
  ownerId: number | null;
  status: string;
  abc: string;
  rfm: string;
  revenue: string;
  lastPurchase: string | null;
  signals: { kind: string; reason: string }[];
}

export interface Movements extends InCurrency {
  dimension: string;
  from: AnalysisRun;
  to: AnalysisRun;
  cells: { from: string; to: string; accounts: number }[];
  moved: { accountId: number; name: string; from: string; to: string; revenue: string }[];
  movedAccounts: number;
}

export interface Goal {
  metric: string;
  /** An amount as a decimal string for money metrics, a number for counts and rates. */
  target: string | number;
  comparator: 'atLeast' | 'atMost';
  period: { start: string; end: string };
  /** The rep whose accounts the goal measures; null for the whole portfolio. */
  ownerId: number | null;
}

export interface GoalProgress {
  goal: Goal;
  measuredOn: string;
  actual: string | number | null;
  ratio: number | null;
  met: boolean | null;
  elapsedShare: number;
  description: string;
}

export const analysisApi = {
  runs: () => api.get<{ items: AnalysisRun[] }>('/analysis/runs'),
  run: (snapshot: boolean, asOf?: string) => api.post<AnalysisRun>('/analysis/runs', { snapshot, ...(asOf && { asOf }) }),
  overview: (signal?: AbortSignal) => api.get<Overview>('/analysis/overview', undefined, signal),
  pareto: (signal?: AbortSignal) => api.get<Pareto>('/analysis/abc', undefined, signal),
  rfm: (signal?: AbortSignal) => api.get<RfmGrid>('/analysis/rfm', undefined, signal),
  matrix: (rows: string, columns: string, signal?: AbortSignal) => api.get<Matrix>('/analysis/matrix', { rows, columns }, signal),
  sections: (by: string, signal?: AbortSignal) => api.get<{ rows: SectionRow[] } & InCurrency>('/analysis/sections', { by }, signal),
  churn: (limit: number, signal?: AbortSignal) => api.get<{ items: ChurnItem[]; hasMore: boolean } & InCurrency>('/analysis/churn', { limit }, signal),
  // The chart needs the counts alone; a flow's accounts are asked for when it is clicked.
  movements: (dimension: string, signal?: AbortSignal) => api.get<Movements>('/analysis/movements', { dimension, limit: 0 }, signal),
  movedAccounts: (dimension: string, flow: { from: string; to: string }, limit: number, signal?: AbortSignal) =>
    api.get<Movements>('/analysis/movements', { dimension, fromClass: flow.from, toClass: flow.to, limit }, signal),
  goals: (signal?: AbortSignal) => api.get<{ current: GoalProgress[] } & InCurrency>('/analysis/goals', undefined, signal),
};
