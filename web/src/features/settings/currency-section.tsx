// The currency every amount is in. Naming another relabels the amounts; it converts nothing.
import { useEffect, useState } from 'react';
import { currentLocale, t } from '../../shared/i18n/i18n';
import { describeError } from '../../shared/api/api-error';
import { useAsync } from '../../shared/api/use-async';
import { ErrorMessage } from '../../shared/ui/error-message';
import { settingsApi } from './settings-api';

const CODES: string[] = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('currency') : ['EUR', 'USD', 'GBP', 'CHF'];

/** "CHF" → "Swiss Franc" ("franc suisse"); the code itself when the browser does not know it. */
function currencyName(code: string): string {
  try {
    return new Intl.DisplayNames([currentLocale()], { type: 'currency' }).of(code) ?? code;
  } catch {
    return code;
  }
}

export function CurrencySection() {
  const current = useAsync(() => settingsApi.currency(), []);
  const [chosen, setChosen] = useState('');
  const [message, setMessage] = useState<{ text: string; failed: boolean } | null>(null);
  useEffect(() => { if (current.data) setChosen(current.data.currency); }, [current.data]);
  const save = async () => {
    try {
      await settingsApi.setCurrency(chosen);
      setMessage({ text: t('web.currency.saved', { name: currencyName(chosen) }), failed: false });
      current.reload();
    } catch (error) {
      setMessage({ text: describeError(error), failed: true });
    }
  };
  return (
    <section className="card stack" aria-labelledby="currency-title">
      <h2 id="currency-title">{t('web.currency.title')}</h2>
      <ErrorMessage error={current.error} />
      {current.data && chosen && (
        <>
          <p className="muted">{t('web.currency.explain')}</p>
          <div className="field"><label htmlFor="currency-code">{t('web.currency.title')}</label>
            <select id="currency-code" value={chosen} onChange={(e) => setChosen(e.target.value)}>
              {(CODES.includes(chosen) ? CODES : [chosen, ...CODES]).map((code) => <option key={code} value={code}>{code} – {currencyName(code)}</option>)}
            </select></div>
          <div className="form-actions">
            <button type="button" className="primary" disabled={chosen === current.data.currency} onClick={() => void save()}>{t('web.currency.save')}</button>
          </div>
        </>
      )}
      {message && <p className={message.failed ? 'error-banner' : 'success-banner'} role={message.failed ? 'alert' : 'status'}>{message.text}</p>}
    </section>
  );
}
