// Admins manage the team: add people, change their role, deactivate those who left.
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

const ROLE_CHOICES = ROLES.map((r) => ({ value: r, label: words(r) }));

function UserRow({ user, me, onChanged }: { user: User; me: number; onChanged(message: string | null, error?: string): void }) {
  const change = async (patch: { role?: Role; active?: boolean }, what: string) => {
    try {
      await settingsApi.updateUser(user.id, patch);
      onChanged(`${user.name}: ${what}.`);
    } catch (error) {
      onChanged(null, `${user.name}: ${describeError(error)}`);
    }
  };
  return (
    <tr>
      <td className="user-name">{user.name}{user.id === me && <span className="muted"> (you)</span>}</td>
      <td className="user-email">{user.email}</td>
      <td>
        <select aria-label={`Role of ${user.name}`} value={user.role} onChange={(e) => void change({ role: e.target.value as Role }, `role set to ${words(e.target.value)}`)}>
          {ROLE_CHOICES.map((c) => <option key={c.value} value={c.value}>{c.label}</option>)}
        </select>
      </td>
      <td>
        <label className="check">
          <input type="checkbox" checked={user.active} onChange={(e) => void change({ active: e.target.checked }, e.target.checked ? 'active again' : 'deactivated')} />
          <span className="visually-hidden">{user.name} is </span>Active
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
    if (!draft.email.trim()) fields.email = 'Give their email; they sign in with it.';
    if (!draft.name.trim()) fields.name = 'Give their name.';
    if (draft.password.length < 10) fields.password = 'At least 10 characters.';
    if (Object.keys(fields).length) return setErrors({ fields, form: null });
    try {
      const user = await settingsApi.createUser({ ...draft, email: draft.email.trim(), name: draft.name.trim() });
      setDraft({ email: '', name: '', role: 'rep', password: '' });
      setErrors(NO_ERRORS);
      changed(`${user.name} added as ${words(user.role)}.`);
    } catch (error) {
      setErrors(formErrorsFrom(error, ['email', 'name', 'role', 'password']));
    }
  };

  return (
    <section className="card stack" aria-labelledby="users-title">
      <h2 id="users-title">Users and roles</h2>
      <p className="muted">Admins manage users and settings; managers see and change every account; reps work their accounts.</p>
      <ErrorMessage error={users.error} />
      {message && <p className={message.failed ? 'error-banner' : 'success-banner'} role={message.failed ? 'alert' : 'status'}>{message.text}</p>}
      {users.data && (
        <div className="table-wrap">
          <table className="data-table users-table">
            <thead><tr><th scope="col">Name</th><th scope="col">Email</th><th scope="col">Role</th><th scope="col">Status</th></tr></thead>
            <tbody>{users.data.items.map((u) => <UserRow key={u.id} user={u} me={me.id} onChanged={changed} />)}</tbody>
          </table>
        </div>
      )}
      <form className="stack" onSubmit={add} noValidate aria-labelledby="add-user-title">
        <h3 id="add-user-title">Add a user</h3>
        {errors.form && <p className="error-banner" role="alert">{errors.form}</p>}
        <div className="form-grid">
          <TextField label="Email" type="email" value={draft.email} onChange={(e) => setDraft({ ...draft, email: e.target.value })} error={errors.fields.email} autoComplete="off" />
          <TextField label="Name" value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} error={errors.fields.name} />
          <SelectField label="Role" value={draft.role} onChange={(e) => setDraft({ ...draft, role: e.target.value as Role })} choices={ROLE_CHOICES} error={errors.fields.role} />
          <TextField label="First password" type="password" value={draft.password} onChange={(e) => setDraft({ ...draft, password: e.target.value })} error={errors.fields.password} autoComplete="new-password" hint="At least 10 characters; they can change it" />
        </div>
        <div className="form-actions"><button type="submit">Add user</button></div>
      </form>
    </section>
  );
}
