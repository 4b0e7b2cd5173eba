// Admins manage the team: add people, change their role, deactivate those who left.
import { t } from '../../shared/i18n/i18n';
import { useState, type FormEvent } from 'react';
import { describeError } from '../../shared/api/api-error';
import { useAsync } from '../../shared/api/use-async';
import type { Role, User } from '../../shared/api/types';
import { ROLES } from '../../shared/api/vocabulary';
import { useUser } from '../../shared/session/session';
import { ErrorMessage } from '../../shared/ui/error-message';
import { SelectField, TextField } from '../../shared/ui/field';
import { formErrorsFrom, NO_ERRORS, type FormErrors } from '../../shared/ui/form-errors';
import { words } from '../../shared/ui/words';
import { loadUsers } from '../../shared/users/use-users';
import { settingsApi } from './settings-api';

const roleChoices = () => ROLES.map((r) => ({ value: r, label: words(r, 'role') }));

function UserRow({ user, me, onChanged }: { user: User; me: number; onChanged(message: string | null, error?: string): void }) {
  /** `what` is the whole message, naming the user. */
  const change = async (patch: { role?: Role; active?: boolean }, what: string) => {
    try {
      await settingsApi.updateUser(user.id, patch);
      onChanged(what);
    } catch (error) {
      onChanged(null, `${user.name}: ${describeError(error)}`);
    }
  };
  return (
    <tr>
      <td>{user.name}{user.id === me && <span className="muted">{t('web.common.you')}</span>}</td>
      <td>{user.email}</td>
      <td>
        <select aria-label={t('web.users.roleOf', { name: user.name })} value={user.role} onChange={(e) => void change({ role: e.target.value as Role }, t('web.users.roleSet', { name: user.name, role: words(e.target.value, 'role') }))}>
          {roleChoices().map((c) => <option key={c.value} value={c.value}>{c.label}</option>)}
        </select>
      </td>
      <td>
        <label className="check">
          <input type="checkbox" checked={user.active} onChange={(e) => void change({ active: e.target.checked }, t(e.target.checked ? 'web.users.activeAgain' : 'web.users.deactivated', { name: user.name }))} />
          <span aria-hidden="true">{t('web.users.active')}</span><span className="visually-hidden">{t('web.users.isActive', { name: user.name })}</span>
        </label>
      </td>
    </tr>
  );
}

export function UsersSection() {
  const me = useUser();
  const users = useAsync(() => settingsApi.users(), []);
  const [draft, setDraft] = useState({ email: '', name: '', role: 'rep' as Role, password: '' });
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [message, setMessage] = useState<{ text: string; failed: boolean } | null>(null);

  const changed = (text: string | null, error?: string) => {
    setMessage(error ? { text: error, failed: true } : { text: text!, failed: false });
    users.reload();
    void loadUsers(true);
  };

  const add = async (event: FormEvent) => {
    event.preventDefault();
    const fields: Record<string, string> = {};
    if (!draft.email.trim()) fields.email = t('web.users.giveEmail');
    if (!draft.name.trim()) fields.name = t('web.users.giveName');
    if (draft.password.length < 10) fields.password = t('web.password.tooShort');
    if (Object.keys(fields).length) return setErrors({ fields, form: null });
    try {
      const user = await settingsApi.createUser({ ...draft, email: draft.email.trim(), name: draft.name.trim() });
      setDraft({ email: '', name: '', role: 'rep', password: '' });
      setErrors(NO_ERRORS);
      changed(t('web.users.added', { name: user.name, role: words(user.role, 'role') }));
    } catch (error) {
      setErrors(formErrorsFrom(error, ['email', 'name', 'role', 'password']));
    }
  };

  return (
    <section className="card stack" aria-labelledby="users-title">
      <h2 id="users-title">{t('web.users.title')}</h2>
      <p className="muted">{t('web.users.lead')}</p>
      <ErrorMessage error={users.error} />
      {message && <p className={message.failed ? 'error-banner' : 'success-banner'} role={message.failed ? 'alert' : 'status'}>{message.text}</p>}
      {users.data && (
        <div className="table-wrap">
          <table className="data-table">
            <thead><tr><th scope="col">{t('web.users.name')}</th><th scope="col">{t('web.users.email')}</th><th scope="col">{t('web.users.role')}</th><th scope="col">{t('web.users.status')}</th></tr></thead>
            <tbody>{users.data.items.map((u) => <UserRow key={u.id} user={u} me={me.id} onChanged={changed} />)}</tbody>
          </table>
        </div>
      )}
      <form className="stack" onSubmit={add} noValidate aria-labelledby="add-user-title">
        <h3 id="add-user-title">{t('web.users.add')}</h3>
        {errors.form && <p className="error-banner" role="alert">{errors.form}</p>}
        <div className="form-grid">
          <TextField label={t('web.users.email')} type="email" value={draft.email} onChange={(e) => setDraft({ ...draft, email: e.target.value })} error={errors.fields.email} autoComplete="off" />
          <TextField label={t('web.users.name')} value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} error={errors.fields.name} />
          <SelectField label={t('web.users.role')} value={draft.role} onChange={(e) => setDraft({ ...draft, role: e.target.value as Role })} choices={roleChoices()} error={errors.fields.role} />
          <TextField label={t('web.users.firstPassword')} type="password" value={draft.password} onChange={(e) => setDraft({ ...draft, password: e.target.value })} error={errors.fields.password} autoComplete="new-password" hint={t('web.users.firstPasswordHint')} />
        </div>
        <div className="form-actions"><button type="submit">{t('web.users.addButton')}</button></div>
      </form>
    </section>
  );
}
