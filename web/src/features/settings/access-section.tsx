// Whether reps see the whole portfolio or only the accounts they own.
import { useState } from 'react';
import { t } from '../../shared/i18n/i18n';
import { describeError } from '../../shared/api/api-error';
import { useAsync } from '../../shared/api/use-async';
import { ErrorMessage } from '../../shared/ui/error-message';
import { settingsApi, type RepVisibility } from './settings-api';

export function AccessSection() {
  const access = useAsync(() => settingsApi.access(), []);
  const [message, setMessage] = useState<{ text: string; failed: boolean } | null>(null);
  const choose = async (value: RepVisibility) => {
    try {
      await settingsApi.setAccess(value);
      setMessage({ text: t(value === 'own' ? 'web.access.nowOwn' : 'web.access.nowAll'), failed: false });
      access.reload();
    } catch (error) {
      setMessage({ text: describeError(error), failed: true });
    }
  };
  return (
    <section className="card stack" aria-labelledby="access-title">
      <h2 id="access-title">{t('web.access.title')}</h2>
      <ErrorMessage error={access.error} />
      {access.data && (
        <fieldset className="plain-fieldset">
          <legend>{t('web.access.repsSee')}</legend>
          <label className="check"><input type="radio" name="rep-visibility" checked={access.data.repVisibility === 'all'} onChange={() => void choose('all')} /> {t('web.access.all')}</label>
          <label className="check"><input type="radio" name="rep-visibility" checked={access.data.repVisibility === 'own'} onChange={() => void choose('own')} /> {t('web.access.own')}</label>
        </fieldset>
      )}
      {message && <p className={message.failed ? 'error-banner' : 'success-banner'} role={message.failed ? 'alert' : 'status'}>{message.text}</p>}
    </section>
  );
}
