// Accounts showing signs of leaving, largest revenue first, with the reasons in words.
import { useAsync } from '../../shared/api/use-async';
import { t } from '../../shared/i18n/i18n';
import { Link } from '../../shared/router/link';
import { classWords } from '../../shared/ui/class-words';
import { formatDate, formatMoney, formatNumber } from '../../shared/ui/words';
import { useUsers } from '../../shared/users/use-users';
import { listLink } from '../accounts/account-filters';
import { analysisApi } from './analysis-api';
import { ChartCard } from './chart-card';

export function ChurnList({ total }: { total: number | undefined }) {
  const users = useUsers();
  const churn = useAsync((signal) => analysisApi.churn(10, signal), []);
  const items = churn.data?.items ?? [];
  return (
    <ChartCard title={t('web.dashboard.churnTitle')} loading={churn.loading && !churn.data} error={churn.error} wide
      note={<>{total === undefined ? t('web.dashboard.churnNoteAny') : t('web.dashboard.churnNote', { count: total, formatted: formatNumber(total) })} <Link to={listLink({ churn: 'true' }, '-revenue')}>{t('web.dashboard.churnSeeAll')}</Link>.</>}>
      {churn.data && items.length === 0 && <p className="muted">{t('web.dashboard.churnNone')}</p>}
      {items.length > 0 && (
        <div className="table-wrap">
          <table className="data-table churn-table">
            <thead><tr><th scope="col">{t('web.dashboard.account')}</th><th scope="col" className="number">{t('web.dashboard.revenue')}</th><th scope="col">{t('web.dashboard.class')}</th><th scope="col">{t('web.dashboard.lastPurchase')}</th><th scope="col">{t('web.dashboard.why')}</th></tr></thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.accountId}>
                  <td><Link to={`/accounts/${item.accountId}`}>{item.name}</Link><div className="muted">{users.nameOf(item.ownerId)}</div></td>
                  <td className="number">{formatMoney(item.revenue, churn.data!.currency)}</td>
                  <td>{item.abc === 'none' ? '' : item.abc} · {classWords('rfm', item.rfm)}</td>
                  <td>{formatDate(item.lastPurchase)}</td>
                  <td><ul className="plain">{item.signals.map((s) => <li key={s.kind}>{s.reason}</li>)}</ul></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </ChartCard>
  );
}
