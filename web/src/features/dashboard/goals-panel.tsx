// The goals (the portfolio's and each rep's) and how far along each is, against how much of its
// period has gone by.
import { t } from '../../shared/i18n/i18n';
import { useAsync } from '../../shared/api/use-async';
import { goalLabel, isMoneyGoal, isShareGoal } from '../../shared/ui/goal-words';
import { formatDate, formatMoney, formatNumber, formatPercent } from '../../shared/ui/words';
import { useUsers } from '../../shared/users/use-users';
import { analysisApi, type GoalProgress } from './analysis-api';
import { ChartCard } from './chart-card';

/** A goal's figure in its own unit: an amount in the currency, a share, a multiple or a count. */
function figure(metric: string, value: string | number | null, currency: string): string {
  if (value === null) return t('web.dashboard.notMeasurable');
  if (isMoneyGoal(metric)) return formatMoney(value, currency, { exact: true });
  if (metric === 'enterpriseToSmallRevenue') return t('web.dashboard.multiple', { value: formatNumber(Math.round(Number(value) * 10) / 10) });
  if (isShareGoal(metric)) return formatPercent(Number(value), 1);
  return formatNumber(Number(value));
}

function headline(g: GoalProgress, currency: string, repName: string): string {
  const words = {
    metric: goalLabel(g.goal.metric), name: repName, aim: t(`labels.goalComparator.${g.goal.comparator}`),
    actual: figure(g.goal.metric, g.actual, currency), target: figure(g.goal.metric, g.goal.target, currency),
  };
  return t(g.goal.ownerId === null ? 'web.dashboard.goalLine' : 'web.dashboard.goalLineOf', words);
}

export function GoalsPanel() {
  const goals = useAsync((signal) => analysisApi.goals(signal), []);
  const users = useUsers();
  const items = goals.data?.current ?? [];
  return (
    <ChartCard title={t('web.dashboard.goalsTitle')} loading={goals.loading && !goals.data} error={goals.error}>
      {goals.data && items.length === 0 && <p className="muted">{t('web.dashboard.goalsNone')}</p>}
      <ul className="plain goal-list">
        {items.map((g, i) => {
          const progress = g.ratio === null ? 0 : Math.max(0, Math.min(1, g.goal.comparator === 'atMost' ? (g.ratio <= 1 ? 1 : 1 / g.ratio) : g.ratio));
          return (
            <li key={i} className={g.met ? 'goal met' : 'goal'}>
              <div className="goal-title" title={g.description}>{headline(g, goals.data!.currency, users.nameOf(g.goal.ownerId))}</div>
              <progress max={1} value={progress} aria-label={t('web.dashboard.progress', { percent: formatPercent(progress) })} />
              <div className="muted">
                {t(g.met === null ? 'web.dashboard.notMeasurableYet' : g.met ? 'web.dashboard.met' : 'web.dashboard.notMet')} · {t('web.dashboard.elapsed', { percent: formatPercent(g.elapsedShare), start: formatDate(g.goal.period.start), end: formatDate(g.goal.period.end) })}
              </div>
            </li>
          );
        })}
      </ul>
    </ChartCard>
  );
}
