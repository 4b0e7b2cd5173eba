// The recovery list a sales manager asks for first: the inactive accounts of class A, ranked
// among the inactive accounts on what they bought in their last active year (docs/inactive-value-class.md).
import { t } from '../../shared/i18n/i18n';
import { Link } from '../../shared/router/link';
import { formatMoney, formatNumber } from '../../shared/ui/words';
import type { Overview } from './analysis-api';
import { ChartCard } from './chart-card';
import { RECOVERY_LIST } from './chart-links';

export function QuietAccountsCard({ overview }: { overview: Overview }) {
  const big = overview.inactiveValue.A ?? { accounts: 0, revenue: '0' };
  return (
    <ChartCard title={t('figures.bigAccountsGoneQuiet')} note={t('web.dashboard.quietNote')}>
      <ul className="headline plain">
        <li>
          <Link to={RECOVERY_LIST}>
            <span className="headline-value">{formatNumber(big.accounts)}</span>
            <span className="headline-label">
              {big.accounts === 0 ? t('web.dashboard.quietNone') : t('web.dashboard.quietBrought', { count: big.accounts, amount: formatMoney(big.revenue, overview.currency) })}
            </span>
          </Link>
        </li>
      </ul>
      <p><Link to={RECOVERY_LIST}>{t('web.dashboard.quietOpen')}</Link></p>
    </ChartCard>
  );
}
