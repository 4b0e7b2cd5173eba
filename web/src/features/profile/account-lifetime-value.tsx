// The account's lifetime value from the BG/NBD and Gamma-Gamma models: how likely it still
// buys, when it should buy next, and what it is worth over the next year, as of the analysis.
import { t } from '../../shared/i18n/i18n';
import { api } from '../../shared/api/http';
import { useAsync } from '../../shared/api/use-async';
import { formatDate, formatMoney, formatNumber, formatPercent } from '../../shared/ui/words';

import type { AccountClv } from '../../../../src/domain/schemas/clv';

export function AccountLifetimeValue({ accountId, asOf }: { accountId: number; asOf: string }) {
  const clv = useAsync((signal) => api.get<AccountClv>(`/accounts/${accountId}/clv`, { asOf }, signal), [accountId, asOf]);
  // The model may be unavailable (too few buyers to fit); the rest of the profile stands without it.
  if (clv.error || !clv.data) return null;
  const { prediction, settings } = clv.data;
  if (!prediction) return <p className="muted">{t('web.clv.unavailable', { reason: clv.data.reason })}</p>;
  const figures: [string, string][] = [
    [t('web.clv.next', { count: settings.horizonMonths, months: formatNumber(settings.horizonMonths) }), formatMoney(prediction.clv, clv.data.currency)],
    [t('web.clv.pAlive'), formatPercent(prediction.pAlive)],
    [t('web.clv.expectedPurchases'), formatNumber(prediction.expectedPurchases, { minimumFractionDigits: 1, maximumFractionDigits: 1 })],
    [t('web.clv.nextPurchase'), prediction.expectedNextPurchaseOn ? formatDate(prediction.expectedNextPurchaseOn) : t('web.clv.notWithinCentury')],
  ];
  return (
    <dl className="figures clv-figures">
      {figures.map(([label, value]) => <div key={label}><dt>{label}</dt><dd>{value}</dd></div>)}
    </dl>
  );
}
