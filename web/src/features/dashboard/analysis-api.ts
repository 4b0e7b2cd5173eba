// The portfolio analysis calls the dashboard makes, typed as the API answers them: the types
// are the API's own schemas (src/domain/schemas), so the two cannot drift apart.
import { api } from '../../shared/api/http';
import type { AnalysisRun } from '../../shared/analysis/use-analysis-run';
import type {
  ChurnList, GoalsView, Matrix, Movements, Overview, Pareto, RfmGrid, Sections,
} from '../../../../src/domain/schemas/analysis-views';

export type {
  AbcClassFigures, ChurnItem, GoalProgress, Matrix, Movements, Overview, Pareto, RfmGrid, SectionRow, Tally,
} from '../../../../src/domain/schemas/analysis-views';
export type { GoalSetting as Goal } from '../../../../src/domain/schemas/analysis';

export const analysisApi = {
  runs: () => api.get<{ items: AnalysisRun[] }>('/analysis/runs'),
  run: (snapshot: boolean, asOf?: string) => api.post<AnalysisRun>('/analysis/runs', { snapshot, ...(asOf && { asOf }) }),
  overview: (signal?: AbortSignal) => api.get<Overview>('/analysis/overview', undefined, signal),
  pareto: (signal?: AbortSignal) => api.get<Pareto>('/analysis/abc', undefined, signal),
  rfm: (signal?: AbortSignal) => api.get<RfmGrid>('/analysis/rfm', undefined, signal),
  matrix: (rows: string, columns: string, signal?: AbortSignal) => api.get<Matrix>('/analysis/matrix', { rows, columns }, signal),
  sections: (by: string, signal?: AbortSignal) => api.get<Sections>('/analysis/sections', { by }, signal),
  churn: (limit: number, signal?: AbortSignal) => api.get<ChurnList>('/analysis/churn', { limit }, signal),
  // The chart needs the counts alone; a flow's accounts are asked for when it is clicked.
  movements: (dimension: string, signal?: AbortSignal) => api.get<Movements>('/analysis/movements', { dimension, limit: 0 }, signal),
  movedAccounts: (dimension: string, flow: { from: string; to: string }, limit: number, signal?: AbortSignal) =>
    api.get<Movements>('/analysis/movements', { dimension, fromClass: flow.from, toClass: flow.to, limit }, signal),
  goals: (signal?: AbortSignal) => api.get<GoalsView>('/analysis/goals', undefined, signal),
};
