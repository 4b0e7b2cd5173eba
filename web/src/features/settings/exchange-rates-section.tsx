// The rates converting orders in other currencies to the organisation's: one entered at a time,
// or a file of date, currency, rate imported at once. Every analysis counts the converted amounts.
import { type FormEvent, useState } from 'react';
import { t } from '../../shared/i18n/i18n';
import { describeError } from '../../shared/api/api-error';
import { useAsync } from '../../shared/api/use-async';
import { ErrorMessage } from '../../shared/ui/error-message';
import { formatDate, formatNumber } from '../../shared/ui/words';
import { type RatesSaved, settingsApi } from './settings-api';

const CODES: string[] = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('currency') : ['EUR', 'USD', 'GBP', 'CHF'];

function savedWords(saved: RatesSaved): string {
  const rates = saved.added + saved.changed;
  return t('web.rates.saved', {
    rates: t('web.rates.savedRates', { count: rates, formatted: formatNumber(rates), added: formatNumber(saved.added), changed: formatNumber(saved.changed) }),
    orders: t('web.rates.ordersConverted', { count: saved.ordersConverted, formatted: formatNumber(saved.ordersConverted) }),
  });
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
      <h2 id="rates-title">{t('web.rates.title')}</h2>
      <ErrorMessage error={rates.error} />
      {rates.data && (
        <>
          <p className="muted">
            {t('web.rates.explain', { base })}
            {rates.data.orderCurrencies.length > 0 && t('web.rates.onFile', { currencies: [base, ...rates.data.orderCurrencies].join(', ') })}
          </p>
          <form className="inline-form" onSubmit={add} aria-label={t('web.rates.enter')}>
            <div className="field"><label htmlFor="rate-currency">{t('web.rates.currency')}</label>
              <select id="rate-currency" value={draft.currency} onChange={(e) => setDraft({ ...draft, currency: e.target.value })}>
                {CODES.filter((code) => code !== base).map((code) => <option key={code} value={code}>{code}</option>)}
              </select></div>
            <div className="field"><label htmlFor="rate-date">{t('web.rates.from')}</label>
              <input id="rate-date" type="date" required value={draft.date} onChange={(e) => setDraft({ ...draft, date: e.target.value })} /></div>
            <div className="field"><label htmlFor="rate-value">{t('web.rates.rateFor', { base, currency: draft.currency })}</label>
              <input id="rate-value" inputMode="decimal" required value={draft.rate} onChange={(e) => setDraft({ ...draft, rate: e.target.value })} /></div>
            <div className="form-actions"><button type="submit" className="primary">{t('web.rates.save')}</button></div>
          </form>
          <form className="inline-form" onSubmit={upload} aria-label={t('web.rates.importForm')}>
            <div className="field"><label htmlFor="rates-file">{t('web.rates.file')}</label>
              <input id="rates-file" type="file" accept=".csv,.xlsx,text/csv" onChange={(e) => setFile(e.target.files?.[0] ?? null)} /></div>
            <div className="form-actions"><button type="submit" disabled={!file}>{t('web.rates.import')}</button></div>
          </form>
          {rates.data.items.length === 0 ? <p className="muted">{t('web.rates.none')}</p> : (
            <div className="rates-table">
              <table className="data-table">
                <caption className="visually-hidden">{t('web.rates.caption')}</caption>
                <thead><tr><th scope="col">{t('web.rates.from')}</th><th scope="col">{t('web.rates.currency')}</th><th scope="col" className="amount-cell">{t('web.rates.rateIn', { base })}</th><th scope="col"><span className="visually-hidden">{t('web.rates.actions')}</span></th></tr></thead>
                <tbody>
                  {rates.data.items.map((rate) => (
                    <tr key={`${rate.currency}-${rate.date}`}>
                      <td>{formatDate(rate.date)}</td><td>{rate.currency}</td><td className="amount-cell">{formatNumber(Number(rate.rate), { maximumFractionDigits: 10 })}</td>
                      <td><button type="button" onClick={() => void act(async () => { await settingsApi.removeRate(rate); return t('web.rates.removed', { currency: rate.currency, day: formatDate(rate.date) }); })}
                        aria-label={t('web.rates.removeLabel', { currency: rate.currency, day: formatDate(rate.date) })}>{t('web.rates.remove')}</button></td>
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
