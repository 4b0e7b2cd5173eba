// The signed-in user's API tokens: create one (shown once), see when each was last used, revoke.
import { useState, type FormEvent } from 'react';
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
    if (!name.trim()) return setErrors({ fields: { name: 'Name the token after what will use it, e.g. "nightly export".' }, form: null });
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
      <h2 id="tokens-title">API tokens</h2>
      <p className="muted">For scripts: send a token as <code>Authorization: Bearer …</code>. It acts as you, with your role.</p>
      <ErrorMessage error={tokens.error} />
      {revokeError && <p className="error-banner" role="alert">{revokeError}</p>}
      {created && (
        <div className="success-banner" role="status">
          Token “{created.name}” created. Copy it now; it is not shown again:
          <input className="token-value" readOnly value={created.token} aria-label="Your new token" onFocus={(e) => e.target.select()} />
        </div>
      )}
      {tokens.data && tokens.data.items.length > 0 && (
        <div className="table-wrap">
          <table className="data-table">
            <thead><tr><th scope="col">Name</th><th scope="col">Starts with</th><th scope="col">Created</th><th scope="col">Last used</th><th scope="col"><span className="visually-hidden">Actions</span></th></tr></thead>
            <tbody>
              {tokens.data.items.map((t) => (
                <tr key={t.id}>
                  <td>{t.name}</td><td><code>{t.prefix}…</code></td><td>{formatDateTime(t.createdAt)}</td><td>{t.lastUsedAt ? formatDateTime(t.lastUsedAt) : 'Never'}</td>
                  <td><button type="button" className="small danger" aria-label={`Revoke token ${t.name}`} onClick={() => void revoke(t.id)}>Revoke</button></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {tokens.data && tokens.data.items.length === 0 && <p className="muted">You have no token.</p>}
      <form className="inline-row" onSubmit={create} noValidate>
        <TextField label="New token's name" value={name} onChange={(e) => setName(e.target.value)} error={errors.fields.name ?? errors.form} maxLength={100} />
        <button type="submit">Create token</button>
      </form>
    </section>
  );
}
