import { BUYING_NOW_FILTER, FIGURE_LABELS } from '../../../../src/domain/figures';
import { Link } from '../../shared/router/link';
import { formatDate, formatMoney, formatNumber, formatPercent } from '../../shared/ui/words';
import { listLink } from '../accounts/account-filters';
import type { Overview } from './analysis-api';

/** The portfolio in five numbers, each opening its accounts. */
export function HeadlineFigures({ overview }: { overview: Overview }) {
  const abc = overview.classes.abc;
  const aShareOfRevenue = Number(overview.revenue) > 0 ? Number(abc.A?.revenue ?? 0) / Number(overview.revenue) : null;
  const figures = [
    { label: 'Accounts', value: formatNumber(overview.accounts), to: '/accounts' },
    { label: 'Revenue, last 12 months', value: formatMoney(overview.revenue, overview.currency), to: listLink({}, '-revenue') },
    { label: FIGURE_LABELS.buyingNow, value: formatNumber(overview.buyingNow.accounts), to: listLink({ status: BUYING_NOW_FILTER }, '-revenue') },
    { label: 'Class A accounts', value: `${formatNumber(abc.A?.accounts ?? 0)} (${formatPercent(aShareOfRevenue)} of revenue)`, to: listLink({ abc: 'A' }, '-revenue') },
    { label: 'With pre-churn signals', value: formatNumber(overview.churn.accounts), to: listLink({ churn: 'true' }, '-revenue') },
  ];
  return (
    <>
      <p className="muted">Figures as of {formatDate(overview.run.asOf)}.</p>
      <ul className="headline plain">
        {figures.map((f) => (
          <li key={f.label}><Link to={f.to}><span className="headline-value">{f.value}</span><span className="headline-label">{f.label}</span></Link></li>
        ))}
      </ul>
    </>
  );
}
