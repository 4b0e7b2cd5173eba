import { t } from '../../shared/i18n/i18n';
import { useState, type FormEvent } from 'react';
import { ApiError, describeError } from '../../shared/api/api-error';
import { useSession } from '../../shared/session/session';
import { TextField } from '../../shared/ui/field';

/** Shown for every address while nobody is signed in; signing in opens the page asked for. */
export function SignInPage() {
  const { signIn, notice } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(email.trim(), password);
    } catch (failure) {
      // A refused sign-in says why in the API's words (wrong password, too many attempts).
      setError(failure instanceof ApiError && (failure.status === 401 || failure.status === 429) ? failure.message : describeError(failure));
      setBusy(false);
    }
  };

  return (
    <main className="sign-in" id="main">
      <form className="sign-in-card" onSubmit={submit} aria-labelledby="sign-in-title">
        <h1 id="sign-in-title">Clientele</h1>
        <p className="muted">{t('web.signIn.lead')}</p>
        {notice && !error && <p className="notice" role="status">{notice}</p>}
        {error && <p className="error-banner" role="alert">{error}</p>}
        <TextField label={t('web.signIn.email')} type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
        <TextField label={t('web.signIn.password')} type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        <button type="submit" className="primary" disabled={busy}>{busy ? t('web.signIn.signingIn') : t('web.signIn.signIn')}</button>
      </form>
    </main>
  );
}
