// The signed-in user's API tokens: create one (shown once), see when each was last used, revoke.
import { useState, type FormEvent } from 'react';
import { t } from '../../shared/i18n/i18n';
import { describeError } from '../../shared/api/api-error';
import { useAsync } from '../../shared/api/use-async';
import { ErrorMessage } from '../../shared/ui/error-message';
import { TextField } from '../../shared/ui/field';
import { formErrorsFrom, NO_ERRORS, type FormErrors } from '../../shared/ui/form-errors';
import { formatDateTime } from '../../shared/ui/words';
import { settingsApi } from './settings-api';

export function TokensSection() {
  const tokens = useAsync(() => settingsApi.tokens(), []);
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const [revokeError, setRevokeError] = useState<string | null>(null);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return setErrors({ fields: { name: t('web.tokens.nameMissing') }, form: null });
    try {
      const result = await settingsApi.createToken(name.trim());
      setCreated({ name: result.record.name, token: result.token });
      setName('');
      setErrors(NO_ERRORS);
      tokens.reload();
    } catch (error) {
      setErrors(formErrorsFrom(error, ['name']));
    }
  };

  const revoke = async (id: number) => {
    try {
      await settingsApi.revokeToken(id);
      setRevokeError(null);
      tokens.reload();
    } catch (error) {
      setRevokeError(describeError(error));
    }
  };

  return (
    <section className="card stack" aria-labelledby="tokens-title">
      <h2 id="tokens-title">{t('web.tokens.title')}</h2>
      <p className="muted">{t('web.tokens.leadBefore')}<code>Authorization: Bearer …</code>{t('web.tokens.leadAfter')}</p>
      <ErrorMessage error={tokens.error} />
      {revokeError && <p className="error-banner" role="alert">{revokeError}</p>}
      {created && (
        <div className="success-banner" role="status">
          {t('web.tokens.created', { name: created.name })}
          <input className="token-value" readOnly value={created.token} aria-label={t('web.tokens.yourToken')} onFocus={(e) => e.target.select()} />
        </div>
      )}
      {tokens.data && tokens.data.items.length > 0 && (
        <div className="table-wrap">
          <table className="data-table">
            <thead><tr><th scope="col">{t('web.tokens.name')}</th><th scope="col">{t('web.tokens.startsWith')}</th><th scope="col">{t('web.tokens.createdAt')}</th><th scope="col">{t('web.tokens.lastUsed')}</th><th scope="col"><span className="visually-hidden">{t('web.tokens.actions')}</span></th></tr></thead>
            <tbody>
              {tokens.data.items.map((token) => (
                <tr key={token.id}>
                  <td>{token.name}</td><td><code>{token.prefix}…</code></td><td>{formatDateTime(token.createdAt)}</td><td>{token.lastUsedAt ? formatDateTime(token.lastUsedAt) : t('web.tokens.never')}</td>
                  <td><button type="button" className="small danger" aria-label={t('web.tokens.revokeToken', { name: token.name })} onClick={() => void revoke(token.id)}>{t('web.tokens.revoke')}</button></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {tokens.data && tokens.data.items.length === 0 && <p className="muted">{t('web.tokens.none')}</p>}
      <form className="inline-row" onSubmit={create} noValidate>
        <TextField label={t('web.tokens.newName')} value={name} onChange={(e) => setName(e.target.value)} error={errors.fields.name ?? errors.form} maxLength={100} />
        <button type="submit">{t('web.tokens.create')}</button>
      </form>
    </section>
  );
}
