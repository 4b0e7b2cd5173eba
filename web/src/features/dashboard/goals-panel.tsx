// The goals (the portfolio's and each rep's) and how far along each is, against how much of its
// period has gone by.
import { useAsync } from '../../shared/api/use-async';
import { GOAL_LABELS, isMoneyGoal, isShareGoal } from '../../shared/ui/goal-words';
import { formatDate, formatMoney, formatNumber, formatPercent } from '../../shared/ui/words';
import { useUsers } from '../../shared/users/use-users';
import { analysisApi, type GoalProgress } from './analysis-api';
import { ChartCard } from './chart-card';

/** A goal's figure in its own unit: an amount in the currency, a share, a multiple or a count. */
function figure(metric: string, value: string | number | null, currency: string): string {
  if (value === null) return 'not measurable yet';
  if (isMoneyGoal(metric)) return formatMoney(value, currency, { exact: true });
  if (metric === 'enterpriseToSmallRevenue') return `${formatNumber(Math.round(Number(value) * 10) / 10)}×`;
  if (isShareGoal(metric)) return formatPercent(Number(value), 1);
  return formatNumber(Number(value));
}

function headline(g: GoalProgress, currency: string, repName: string): string {
  const whose = g.goal.ownerId === null ? '' : ` (${repName})`;
  const aim = g.goal.comparator === 'atLeast' ? 'at least' : 'at most';
  return `${GOAL_LABELS[g.goal.metric] ?? g.goal.metric}${whose}: ${figure(g.goal.metric, g.actual, currency)} against ${aim} ${figure(g.goal.metric, g.goal.target, currency)}`;
}

export function GoalsPanel() {
  const goals = useAsync((signal) => analysisApi.goals(signal), []);
  const users = useUsers();
  const items = goals.data?.current ?? [];
  return (
    <ChartCard title="Goals" loading={goals.loading && !goals.data} error={goals.error}>
      {goals.data && items.length === 0 && <p className="muted">No goal set. Admins set them in Settings.</p>}
      <ul className="plain goal-list">
        {items.map((g, i) => {
          const progress = g.ratio === null ? 0 : Math.max(0, Math.min(1, g.goal.comparator === 'atMost' ? (g.ratio <= 1 ? 1 : 1 / g.ratio) : g.ratio));
          return (
            <li key={i} className={g.met ? 'goal met' : 'goal'}>
              <div className="goal-title" title={g.description}>{headline(g, goals.data!.currency, users.nameOf(g.goal.ownerId))}</div>
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
