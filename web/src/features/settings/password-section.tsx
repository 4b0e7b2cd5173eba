// Anyone changes their own password here.
import { t } from '../../shared/i18n/i18n';
import { useState, type FormEvent } from 'react';
import { useUser } from '../../shared/session/session';
import { TextField } from '../../shared/ui/field';
import { formErrorsFrom, NO_ERRORS, type FormErrors } from '../../shared/ui/form-errors';
import { settingsApi } from './settings-api';

export function PasswordSection() {
  const me = useUser();
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [done, setDone] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    if (password.length < 10) return setErrors({ fields: { password: t('web.password.tooShort') }, form: null });
    if (password !== again) return setErrors({ fields: { again: t('web.password.differ') }, form: null });
    try {
      await settingsApi.updateUser(me.id, { password });
      setPassword('');
      setAgain('');
      setErrors(NO_ERRORS);
      setDone(true);
    } catch (error) {
      setErrors(formErrorsFrom(error, ['password']));
    }
  };
  return (
    <section className="card stack" aria-labelledby="password-title">
      <h2 id="password-title">{t('web.password.title')}</h2>
      <form className="stack" onSubmit={submit} noValidate>
        {errors.form && <p className="error-banner" role="alert">{errors.form}</p>}
        {done && <p className="success-banner" role="status">{t('web.password.changed')}</p>}
        <div className="form-grid">
          <TextField label={t('web.password.new')} type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} error={errors.fields.password} />
          <TextField label={t('web.password.again')} type="password" autoComplete="new-password" value={again} onChange={(e) => setAgain(e.target.value)} error={errors.fields.again} />
        </div>
        <div className="form-actions"><button type="submit">{t('web.password.change')}</button></div>
      </form>
    </section>
  );
}
