// The portfolio goals and how far along each is, against how much of its period has gone by.
import { ApiError } from '../../shared/api/api-error';
import { useAsync } from '../../shared/api/use-async';
import { formatDate, formatPercent } from '../../shared/ui/words';
import { analysisApi } from './analysis-api';
import { ChartCard } from './chart-card';

export function GoalsPanel() {
  const goals = useAsync((signal) => analysisApi.goals(signal), []);
  // Goals cover the whole portfolio; a rep limited to their own accounts is not shown them.
  if (goals.error instanceof ApiError && goals.error.status === 403) return null;
  const items = goals.data?.current ?? [];
  return (
    <ChartCard title="Goals" loading={goals.loading && !goals.data} error={goals.error}>
      {goals.data && items.length === 0 && <p className="muted">No goal set. Admins set them in Settings.</p>}
      <ul className="plain goal-list">
        {items.map((g, i) => {
          const progress = g.ratio === null ? 0 : Math.max(0, Math.min(1, g.goal.comparator === 'atMost' ? (g.ratio <= 1 ? 1 : 1 / g.ratio) : g.ratio));
          return (
            <li key={i} className={g.met ? 'goal met' : 'goal'}>
              <div className="goal-title">{g.description}</div>
              <progress max={1} value={progress} aria-label={`Progress: ${formatPercent(progress)}`} />
              <div className="muted">
                {g.met === null ? 'Not measurable yet' : g.met ? 'Met' : 'Not met yet'} · {formatPercent(g.elapsedShare)} of the period ({formatDate(g.goal.period.start)} – {formatDate(g.goal.period.end)}) gone
              </div>
            </li>
          );
        })}
      </ul>
    </ChartCard>
  );
}
