// Key figures and the account's classes from the latest portfolio analysis, each class with
// the rule that gave it, in words.
import { t } from '../../shared/i18n/i18n';
import { ApiError } from '../../shared/api/api-error';
import { api } from '../../shared/api/http';
import { useAsync } from '../../shared/api/use-async';
import { useAnalysisRun } from '../../shared/analysis/use-analysis-run';
import { classWords } from '../../shared/ui/class-words';
import { ErrorMessage } from '../../shared/ui/error-message';
import { formatDate, formatDays, formatMoney, formatNumber } from '../../shared/ui/words';
import { AccountLifetimeValue } from './account-lifetime-value';
import type { AccountClasses } from '../../../../src/domain/schemas/account-classes';

// The account's classes as the API answers them (src/domain/schemas/account-classes.ts).
export type { AccountClasses };

const CLASSES: { key: 'status' | 'abc' | 'rfm' | 'volumeTier' | 'frequency'; label: string }[] = [
  { key: 'status', label: 'web.profile.activity' }, { key: 'abc', label: 'web.profile.abc' }, { key: 'rfm', label: 'web.profile.rfm' },
  { key: 'volumeTier', label: 'web.profile.volume' }, { key: 'frequency', label: 'web.profile.frequency' },
];

export function AccountFigures({ accountId }: { accountId: number }) {
  const { run } = useAnalysisRun();
  const classes = useAsync((signal) => (run ? api.get<AccountClasses>(`/accounts/${accountId}/classes`, undefined, signal) : Promise.resolve(null)), [accountId, run?.id]);
  if (!run) return null;
  if (classes.error instanceof ApiError && classes.error.status === 404) return <p className="muted">{classes.error.message}</p>;
  if (classes.error) return <ErrorMessage error={classes.error} />;
  const data = classes.data;
  if (!data) return <p className="muted">{t('web.dashboard.loadingFigures')}</p>;
  const s = data.summary;
  const figures: [string, string][] = [
    [t('web.profile.revenue12'), formatMoney(s.revenueLast12Months, data.currency)],
    [t('web.profile.revenueAll'), formatMoney(s.revenue, data.currency)],
    [t('web.profile.averageTicket'), s.averageTicket === null ? '—' : formatMoney(s.averageTicket, data.currency)],
    [t('web.profile.lastPurchase'), s.lastPurchase ? formatDate(s.lastPurchase) : t('web.profile.never')],
    // The median, as the frequency class's rule says it ("Buys every 54.5 days"): one long pause does not move it.
    [t('figures.timeBetweenPurchases'), s.medianGapDays === null ? '—' : formatDays(s.medianGapDays)],
    [t('web.profile.orders'), formatNumber(s.orderCount)],
  ];
  return (
    <div className="account-figures">
      <dl className="figures">
        {figures.map(([label, value]) => <div key={label}><dt>{label}</dt><dd>{value}</dd></div>)}
      </dl>
      <AccountLifetimeValue accountId={accountId} asOf={data.run.asOf} />
      <h2 className="visually-hidden">{t('web.profile.classes')}</h2>
      <ul className="class-list">
        {CLASSES.map(({ key, label }) => (
          <li key={key}>
            <span className="class-label">{t(label)}</span> <strong className="class-value">{classWords(key, data[key].class)}</strong>
            <span className="class-rule">{data[key].rule}</span>
          </li>
        ))}
        {data.churnSignals.map((signal) => (
          <li key={signal.kind} className="churn-signal">
            <span className="class-label">{t('web.profile.preChurn')}</span> <strong className="class-value">{classWords('churn', signal.kind)}</strong>
            <span className="class-rule">{signal.reason}</span>
          </li>
        ))}
      </ul>
      <p className="muted small-print">{t('web.profile.asOf', { day: formatDate(data.run.asOf) })}</p>
    </div>
  );
}
