// An order's amount on the profile: in its own currency, and, when that is not the
// organisation's, in the organisation's with the rate it was converted at.
import type { TimelineAmount } from '../../../../src/domain/schemas/timeline';
import { t } from '../../shared/i18n/i18n';
import { formatDate, formatMoney, formatNumber } from '../../shared/ui/words';

export function OrderAmount({ amount }: { amount: TimelineAmount }) {
  const own = formatMoney(amount.total, amount.currency, { exact: true });
  if (amount.exchangeRate === null) return <p className="timeline-amount">{own}</p>;
  return (
    <p className="timeline-amount">
      {own} ({amount.currency}) = {formatMoney(amount.baseTotal, amount.baseCurrency, { exact: true })}
      <span className="muted">{t('web.profile.rateUsed', {
        rate: formatNumber(Number(amount.exchangeRate), { maximumFractionDigits: 10 }), base: amount.baseCurrency, currency: amount.currency, day: formatDate(amount.rateDate),
      })}</span>
    </p>
  );
}
