import { BUYING_NOW_FILTER } from '../../../../src/domain/figures';
import { t } from '../../shared/i18n/i18n';
import { Link } from '../../shared/router/link';
import { formatDate, formatMoney, formatNumber, formatPercent } from '../../shared/ui/words';
import { listLink } from '../accounts/account-filters';
import type { Overview } from './analysis-api';

/** The portfolio in five numbers, each opening its accounts. */
export function HeadlineFigures({ overview }: { overview: Overview }) {
  const abc = overview.classes.abc;
  const aShareOfRevenue = Number(overview.revenue) > 0 ? Number(abc.A?.revenue ?? 0) / Number(overview.revenue) : null;
  const figures = [
    { label: t('web.dashboard.accounts'), value: formatNumber(overview.accounts), to: '/accounts' },
    { label: t('web.dashboard.revenue12'), value: formatMoney(overview.revenue, overview.currency), to: listLink({}, '-revenue') },
    { label: t('figures.buyingNow'), value: formatNumber(overview.buyingNow.accounts), to: listLink({ status: BUYING_NOW_FILTER }, '-revenue') },
    { label: t('web.dashboard.classA'), value: aShareOfRevenue === null ? formatNumber(abc.A?.accounts ?? 0) : t('web.dashboard.classAValue', { accounts: formatNumber(abc.A?.accounts ?? 0), share: formatPercent(aShareOfRevenue) }), to: listLink({ abc: 'A', ranking: 'period' }, '-revenue') },
    { label: t('web.dashboard.withChurn'), value: formatNumber(overview.churn.accounts), to: listLink({ churn: 'true' }, '-revenue') },
  ];
  return (
    <>
      <p className="muted">{t('web.dashboard.figuresAsOf', { day: formatDate(overview.run.asOf) })}</p>
      <ul className="headline plain">
        {figures.map((f) => (
          <li key={f.label}><Link to={f.to}><span className="headline-value">{f.value}</span><span className="headline-label">{f.label}</span></Link></li>
        ))}
      </ul>
    </>
  );
}
