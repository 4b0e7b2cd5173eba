// Whether reps see the whole portfolio or only the accounts they own.
import { useState } from 'react';
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
      setMessage({ text: value === 'own' ? 'Reps now see only the accounts they own.' : 'Reps now see the whole portfolio.', failed: false });
      access.reload();
    } catch (error) {
      setMessage({ text: describeError(error), failed: true });
    }
  };
  return (
    <section className="card stack" aria-labelledby="access-title">
      <h2 id="access-title">Who sees which accounts</h2>
      <ErrorMessage error={access.error} />
      {access.data && (
        <fieldset className="plain-fieldset">
          <legend>Reps see</legend>
          <label className="check"><input type="radio" name="rep-visibility" checked={access.data.repVisibility === 'all'} onChange={() => void choose('all')} /> the whole portfolio</label>
          <label className="check"><input type="radio" name="rep-visibility" checked={access.data.repVisibility === 'own'} onChange={() => void choose('own')} /> only the accounts they own, everywhere (lists, search, charts)</label>
        </fieldset>
      )}
      {message && <p className={message.failed ? 'error-banner' : 'success-banner'} role={message.failed ? 'alert' : 'status'}>{message.text}</p>}
    </section>
  );
}
