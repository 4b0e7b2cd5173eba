// The rates converting orders in other currencies to the organisation's: one entered at a time,
// or a file of date, currency, rate imported at once. Every analysis counts the converted amounts.
import { type FormEvent, useState } from 'react';
import { describeError } from '../../shared/api/api-error';
import { useAsync } from '../../shared/api/use-async';
import { ErrorMessage } from '../../shared/ui/error-message';
import { formatDate, formatNumber } from '../../shared/ui/words';
import { type RatesSaved, settingsApi } from './settings-api';

const CODES: string[] = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('currency') : ['EUR', 'USD', 'GBP', 'CHF'];

function savedWords(saved: RatesSaved): string {
  const rates = saved.added + saved.changed;
  return `${formatNumber(rates)} rate${rates === 1 ? '' : 's'} saved (${formatNumber(saved.added)} new, ${formatNumber(saved.changed)} changed); `
    + `${formatNumber(saved.ordersConverted)} order${saved.ordersConverted === 1 ? '' : 's'} converted again.`;
}

export function ExchangeRatesSection() {
  const rates = useAsync(() => settingsApi.exchangeRates(), []);
  const [draft, setDraft] = useState({ currency: 'USD', date: '', rate: '' });
  const [file, setFile] = useState<File | null>(null);
  const [message, setMessage] = useState<{ text: string; failed: boolean } | null>(null);
  const base = rates.data?.baseCurrency ?? '';

  const act = async (work: () => Promise<string>) => {
    try {
      setMessage({ text: await work(), failed: false });
      rates.reload();
    } catch (error) {
      setMessage({ text: describeError(error), failed: true });
    }
  };
  const add = (event: FormEvent) => {
    event.preventDefault();
    void act(async () => savedWords(await settingsApi.saveRates([draft])));
  };
  const upload = (event: FormEvent) => {
    event.preventDefault();
    if (file) void act(async () => savedWords(await settingsApi.importRates(file)));
  };

  return (
    <section className="card stack" aria-labelledby="rates-title">
      <h2 id="rates-title">Exchange rates</h2>
      <ErrorMessage error={rates.error} />
      {rates.data && (
        <>
          <p className="muted">
            Orders in another currency are converted to {base} at the latest rate on or before their day. A rate is what one unit
            of the currency is worth in {base}.
            {rates.data.orderCurrencies.length > 0 && ` Orders on file are in ${[base, ...rates.data.orderCurrencies].join(', ')}.`}
          </p>
          <form className="inline-form" onSubmit={add} aria-label="Enter a rate">
            <div className="field"><label htmlFor="rate-currency">Currency</label>
              <select id="rate-currency" value={draft.currency} onChange={(e) => setDraft({ ...draft, currency: e.target.value })}>
                {CODES.filter((code) => code !== base).map((code) => <option key={code} value={code}>{code}</option>)}
              </select></div>
            <div className="field"><label htmlFor="rate-date">From</label>
              <input id="rate-date" type="date" required value={draft.date} onChange={(e) => setDraft({ ...draft, date: e.target.value })} /></div>
            <div className="field"><label htmlFor="rate-value">{`Rate (${base} for 1 ${draft.currency})`}</label>
              <input id="rate-value" inputMode="decimal" required value={draft.rate} onChange={(e) => setDraft({ ...draft, rate: e.target.value })} /></div>
            <div className="form-actions"><button type="submit" className="primary">Save rate</button></div>
          </form>
          <form className="inline-form" onSubmit={upload} aria-label="Import a rates file">
            <div className="field"><label htmlFor="rates-file">Rates file (CSV or XLSX: date, currency, rate)</label>
              <input id="rates-file" type="file" accept=".csv,.xlsx,text/csv" onChange={(e) => setFile(e.target.files?.[0] ?? null)} /></div>
            <div className="form-actions"><button type="submit" disabled={!file}>Import rates</button></div>
          </form>
          {rates.data.items.length === 0 ? <p className="muted">No rate yet.</p> : (
            <div className="rates-table">
              <table className="data-table">
                <caption className="visually-hidden">Exchange rates, newest first</caption>
                <thead><tr><th scope="col">From</th><th scope="col">Currency</th><th scope="col" className="amount-cell">{`Rate in ${base}`}</th><th scope="col"><span className="visually-hidden">Actions</span></th></tr></thead>
                <tbody>
                  {rates.data.items.map((rate) => (
                    <tr key={`${rate.currency}-${rate.date}`}>
                      <td>{formatDate(rate.date)}</td><td>{rate.currency}</td><td className="amount-cell">{rate.rate}</td>
                      <td><button type="button" onClick={() => void act(async () => { await settingsApi.removeRate(rate); return `The ${rate.currency} rate of ${formatDate(rate.date)} is removed.`; })}
                        aria-label={`Remove the ${rate.currency} rate of ${formatDate(rate.date)}`}>Remove</button></td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
      {message && <p className={message.failed ? 'error-banner' : 'success-banner'} role={message.failed ? 'alert' : 'status'}>{message.text}</p>}
    </section>
  );
}
