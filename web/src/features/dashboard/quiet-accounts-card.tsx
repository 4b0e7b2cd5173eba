// The recovery list a sales manager asks for first: the inactive accounts of class A, ranked
// among the inactive accounts on what they bought in their last active year (docs/inactive-value-class.md).
import { FIGURE_LABELS } from '../../../../src/domain/figures';
import { Link } from '../../shared/router/link';
import { formatMoney, formatNumber } from '../../shared/ui/words';
import type { Overview } from './analysis-api';
import { ChartCard } from './chart-card';
import { RECOVERY_LIST } from './chart-links';

export function QuietAccountsCard({ overview }: { overview: Overview }) {
  const big = overview.inactiveValue.A ?? { accounts: 0, revenue: '0' };
  return (
    <ChartCard title={FIGURE_LABELS.bigAccountsGoneQuiet}
      note="Inactive accounts of class A: the few that brought most of what the inactive accounts bought in their last active year.">
      <ul className="headline plain">
        <li>
          <Link to={RECOVERY_LIST}>
            <span className="headline-value">{formatNumber(big.accounts)}</span>
            <span className="headline-label">
              {big.accounts === 0 ? 'No inactive account of class A' : `accounts that brought ${formatMoney(big.revenue, overview.currency)} in their last active year`}
            </span>
          </Link>
        </li>
      </ul>
      <p><Link to={RECOVERY_LIST}>Open the recovery list, biggest first</Link></p>
    </ChartCard>
  );
}
