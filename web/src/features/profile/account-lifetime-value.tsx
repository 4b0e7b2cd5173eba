// The account's lifetime value from the BG/NBD and Gamma-Gamma models: how likely it still
// buys, when it should buy next, and what it is worth over the next year, as of the analysis.
import { api } from '../../shared/api/http';
import { useAsync } from '../../shared/api/use-async';
import { formatDate, formatMoney, formatPercent } from '../../shared/ui/words';

import type { AccountClv } from '../../../../src/domain/schemas/clv';

export function AccountLifetimeValue({ accountId, asOf }: { accountId: number; asOf: string }) {
  const clv = useAsync((signal) => api.get<AccountClv>(`/accounts/${accountId}/clv`, { asOf }, signal), [accountId, asOf]);
  // The model may be unavailable (too few buyers to fit); the rest of the profile stands without it.
  if (clv.error || !clv.data) return null;
  const { prediction, settings } = clv.data;
  if (!prediction) return <p className="muted">Lifetime value: {clv.data.reason}</p>;
  const figures: [string, string][] = [
    [`Lifetime value, next ${settings.horizonMonths} months`, formatMoney(prediction.clv, clv.data.currency)],
    ['Probability still buying', formatPercent(prediction.pAlive)],
    ['Expected purchases', prediction.expectedPurchases.toFixed(1)],
    ['Next purchase expected', prediction.expectedNextPurchaseOn ? formatDate(prediction.expectedNextPurchaseOn) : 'Not within a century'],
  ];
  return (
    <dl className="figures clv-figures">
      {figures.map(([label, value]) => <div key={label}><dt>{label}</dt><dd>{value}</dd></div>)}
    </dl>
  );
}
