// Admins set the portfolio goals: a metric, a target, at least or at most, over a period. The
// dashboard shows how far along each is.
import { useEffect, useState } from 'react';
import { describeError } from '../../shared/api/api-error';
import { api } from '../../shared/api/http';
import { useAsync } from '../../shared/api/use-async';
import { GOAL_METRICS } from '../../shared/api/classes';
import { ErrorMessage } from '../../shared/ui/error-message';

interface Goal {
  metric: string;
  target: number;
  comparator: 'atLeast' | 'atMost';
  period: { start: string; end: string };
}

const METRICS: Record<string, string> = {
  activeAccounts: 'Active accounts', newCustomers: 'New customers', revenue: 'Revenue', averageTicket: 'Average ticket',
  retentionRate: 'Retention rate (0 to 1)', revenueShareEnterprise: 'Revenue share of enterprise accounts (0 to 1)',
  revenueShareSmall: 'Revenue share of small accounts (0 to 1)', enterpriseToSmallRevenue: 'Enterprise against small-account revenue (×)',
};

const thisYear = () => {
  const year = new Date().getFullYear();
  return { start: `${year}-01-01`, end: `${year}-12-31` };
};

export function GoalsSection() {
  const loaded = useAsync(() => api.get<{ goals: Goal[] }>('/settings/goals'), []);
  const [goals, setGoals] = useState<Goal[]>([]);
  const [message, setMessage] = useState<{ text: string; failed: boolean } | null>(null);
  useEffect(() => { if (loaded.data) setGoals(loaded.data.goals); }, [loaded.data]);

  const change = (index: number, patch: Partial<Goal>) => setGoals((all) => all.map((g, i) => (i === index ? { ...g, ...patch } : g)));
  const save = async () => {
    const broken = goals.findIndex((g) => !Number.isFinite(g.target) || !g.period.start || !g.period.end || g.period.start > g.period.end);
    if (broken >= 0) return setMessage({ text: `Goal ${broken + 1}: give a target number and a period whose start comes before its end.`, failed: true });
    try {
      await api.put('/settings/goals', { goals });
      setMessage({ text: 'Goals saved.', failed: false });
      loaded.reload();
    } catch (error) {
      setMessage({ text: describeError(error), failed: true });
    }
  };

  return (
    <section className="card stack" aria-labelledby="goals-title">
      <h2 id="goals-title">Goals</h2>
      <ErrorMessage error={loaded.error} />
      {goals.length === 0 && loaded.data && <p className="muted">No goal yet.</p>}
      <ol className="plain stack">
        {goals.map((goal, i) => (
          <li key={i} className="goal-row">
            <fieldset className="plain-fieldset">
              <legend>Goal {i + 1}</legend>
              <div className="form-grid">
                <div className="field"><label htmlFor={`goal-${i}-metric`}>Metric</label>
                  <select id={`goal-${i}-metric`} value={goal.metric} onChange={(e) => change(i, { metric: e.target.value })}>
                    {GOAL_METRICS.map((m) => <option key={m} value={m}>{METRICS[m] ?? m}</option>)}
                  </select></div>
                <div className="field"><label htmlFor={`goal-${i}-comparator`}>Aim</label>
                  <select id={`goal-${i}-comparator`} value={goal.comparator} onChange={(e) => change(i, { comparator: e.target.value as Goal['comparator'] })}>
                    <option value="atLeast">At least</option><option value="atMost">At most</option>
                  </select></div>
                <div className="field"><label htmlFor={`goal-${i}-target`}>Target</label>
                  <input id={`goal-${i}-target`} inputMode="decimal" value={Number.isNaN(goal.target) ? '' : String(goal.target)}
                    onChange={(e) => change(i, { target: e.target.value.trim() === '' ? Number.NaN : Number(e.target.value.replace(',', '.')) })} /></div>
                <div className="field"><label htmlFor={`goal-${i}-start`}>From</label>
                  <input id={`goal-${i}-start`} type="date" value={goal.period.start} onChange={(e) => change(i, { period: { ...goal.period, start: e.target.value } })} /></div>
                <div className="field"><label htmlFor={`goal-${i}-end`}>To</label>
                  <input id={`goal-${i}-end`} type="date" value={goal.period.end} onChange={(e) => change(i, { period: { ...goal.period, end: e.target.value } })} /></div>
              </div>
              <button type="button" className="small" onClick={() => setGoals((all) => all.filter((_, j) => j !== i))}>Remove goal {i + 1}</button>
            </fieldset>
          </li>
        ))}
      </ol>
      <div className="form-actions">
        <button type="button" onClick={() => setGoals((all) => [...all, { metric: 'revenue', target: 0, comparator: 'atLeast', period: thisYear() }])}>Add a goal</button>
        <button type="button" className="primary" onClick={() => void save()}>Save goals</button>
      </div>
      {message && <p className={message.failed ? 'error-banner' : 'success-banner'} role={message.failed ? 'alert' : 'status'}>{message.text}</p>}
    </section>
  );
}
