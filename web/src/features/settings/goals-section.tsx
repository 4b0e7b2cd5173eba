// Admins set the goals: a metric, a target, at least or at most, over a period, for the whole
// portfolio or for one rep's accounts. The dashboard shows how far along each is.
import { useEffect, useState } from 'react';
import { t } from '../../shared/i18n/i18n';
import { describeError } from '../../shared/api/api-error';
import { api } from '../../shared/api/http';
import { useAsync } from '../../shared/api/use-async';
import { GOAL_METRICS } from '../../shared/api/classes';
import { goalLabel, isMoneyGoal, isShareGoal } from '../../shared/ui/goal-words';
import { ErrorMessage } from '../../shared/ui/error-message';
import { useUsers } from '../../shared/users/use-users';
import type { Goal } from '../dashboard/analysis-api';
import type { GoalsSettings } from '../../../../src/domain/schemas/analysis';

/** A goal being edited: its target as typed. */
type GoalDraft = Omit<Goal, 'target'> & { target: string };

const AMOUNT = /^\d{1,13}(\.\d{1,2})?$/;

/** The goal the API takes: money targets as decimal strings ("2500.00"), others as numbers; null when the target is not one. */
function goalOf(draft: GoalDraft): Goal | null {
  const typed = draft.target.trim().replace(',', '.');
  if (isMoneyGoal(draft.metric)) return AMOUNT.test(typed) ? { ...draft, target: typed } : null;
  const value = typed === '' ? Number.NaN : Number(typed);
  return Number.isFinite(value) ? { ...draft, target: value } : null;
}

const metricLabel = (metric: string) =>
  `${goalLabel(metric)}${isShareGoal(metric) ? t('web.goals.shareRange') : metric === 'enterpriseToSmallRevenue' ? ' (×)' : ''}`;

const thisYear = () => {
  const year = new Date().getFullYear();
  return { start: `${year}-01-01`, end: `${year}-12-31` };
};

export function GoalsSection() {
  const loaded = useAsync(() => api.get<GoalsSettings>('/settings/goals'), []);
  const users = useUsers();
  const [goals, setGoals] = useState<GoalDraft[]>([]);
  const [message, setMessage] = useState<{ text: string; failed: boolean } | null>(null);
  useEffect(() => { if (loaded.data) setGoals(loaded.data.goals.map((g) => ({ ...g, target: String(g.target) }))); }, [loaded.data]);
  const currency = loaded.data?.currency ?? '';

  const change = (index: number, patch: Partial<GoalDraft>) => setGoals((all) => all.map((g, i) => (i === index ? { ...g, ...patch } : g)));
  const save = async () => {
    const sent = goals.map(goalOf);
    const broken = goals.findIndex((g, i) => !sent[i] || !g.period.start || !g.period.end || g.period.start > g.period.end);
    if (broken >= 0) {
      const what = isMoneyGoal(goals[broken]!.metric) ? t('web.goals.amountWanted', { currency }) : t('web.goals.numberWanted');
      return setMessage({ text: t('web.goals.broken', { n: broken + 1, what }), failed: true });
    }
    try {
      await api.put('/settings/goals', { goals: sent });
      setMessage({ text: t('web.goals.saved'), failed: false });
      loaded.reload();
    } catch (error) {
      setMessage({ text: describeError(error), failed: true });
    }
  };

  return (
    <section className="card stack" aria-labelledby="goals-title">
      <h2 id="goals-title">{t('web.goals.title')}</h2>
      <ErrorMessage error={loaded.error} />
      {goals.length === 0 && loaded.data && <p className="muted">{t('web.goals.none')}</p>}
      <ol className="plain stack">
        {goals.map((goal, i) => (
          <li key={i} className="goal-row">
            <fieldset className="plain-fieldset">
              <legend>{t('web.goals.goal', { n: i + 1 })}</legend>
              <div className="form-grid">
                <div className="field"><label htmlFor={`goal-${i}-metric`}>{t('web.goals.metric')}</label>
                  <select id={`goal-${i}-metric`} value={goal.metric} onChange={(e) => change(i, { metric: e.target.value as Goal['metric'] })}>
                    {GOAL_METRICS.map((m) => <option key={m} value={m}>{metricLabel(m)}</option>)}
                  </select></div>
                <div className="field"><label htmlFor={`goal-${i}-comparator`}>{t('web.goals.aim')}</label>
                  <select id={`goal-${i}-comparator`} value={goal.comparator} onChange={(e) => change(i, { comparator: e.target.value as Goal['comparator'] })}>
                    <option value="atLeast">{t('web.goals.atLeast')}</option><option value="atMost">{t('web.goals.atMost')}</option>
                  </select></div>
                <div className="field"><label htmlFor={`goal-${i}-target`}>{isMoneyGoal(goal.metric) ? t('web.goals.targetIn', { currency }) : t('web.goals.target')}</label>
                  <input id={`goal-${i}-target`} inputMode="decimal" value={goal.target} onChange={(e) => change(i, { target: e.target.value })} /></div>
                <div className="field"><label htmlFor={`goal-${i}-owner`}>{t('web.goals.accountsOf')}</label>
                  <select id={`goal-${i}-owner`} value={goal.ownerId ?? ''} onChange={(e) => change(i, { ownerId: e.target.value === '' ? null : Number(e.target.value) })}>
                    <option value="">{t('web.goals.whole')}</option>
                    {users.list.filter((u) => u.active || u.id === goal.ownerId).map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
                  </select></div>
                <div className="field"><label htmlFor={`goal-${i}-start`}>{t('web.goals.from')}</label>
                  <input id={`goal-${i}-start`} type="date" value={goal.period.start} onChange={(e) => change(i, { period: { ...goal.period, start: e.target.value } })} /></div>
                <div className="field"><label htmlFor={`goal-${i}-end`}>{t('web.goals.to')}</label>
                  <input id={`goal-${i}-end`} type="date" value={goal.period.end} onChange={(e) => change(i, { period: { ...goal.period, end: e.target.value } })} /></div>
              </div>
              <button type="button" className="small" onClick={() => setGoals((all) => all.filter((_, j) => j !== i))}>{t('web.goals.remove', { n: i + 1 })}</button>
            </fieldset>
          </li>
        ))}
      </ol>
      <div className="form-actions">
        <button type="button" onClick={() => setGoals((all) => [...all, { metric: 'revenue', target: '', comparator: 'atLeast', period: thisYear(), ownerId: null }])}>{t('web.goals.add')}</button>
        <button type="button" className="primary" onClick={() => void save()}>{t('web.goals.save')}</button>
      </div>
      {message && <p className={message.failed ? 'error-banner' : 'success-banner'} role={message.failed ? 'alert' : 'status'}>{message.text}</p>}
    </section>
  );
}
