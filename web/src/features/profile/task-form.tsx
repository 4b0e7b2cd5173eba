// Adds a task on the account: what, by when, for whom.
import { useState, type FormEvent } from 'react';
import { t } from '../../shared/i18n/i18n';
import type { Account } from '../../shared/api/types';
import { useUser } from '../../shared/session/session';
import { TextAreaField, TextField, SelectField } from '../../shared/ui/field';
import { formErrorsFrom, NO_ERRORS, type FormErrors } from '../../shared/ui/form-errors';
import { useUsers } from '../../shared/users/use-users';
import { endOfLocalDay, toLocalInput } from './local-time';
import { profileApi } from './profile-api';

const FIELDS = ['title', 'dueAt', 'assigneeId', 'notes'] as const;

export function TaskForm({ account, onSaved, onCancel }: { account: Account; onSaved(message: string): void; onCancel(): void }) {
  const me = useUser();
  const users = useUsers();
  const [title, setTitle] = useState('');
  const [due, setDue] = useState(() => toLocalInput(new Date(Date.now() + 7 * 86_400_000)).slice(0, 10));
  const [assigneeId, setAssigneeId] = useState(String(me.id));
  const [notes, setNotes] = useState('');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const fields: Record<string, string> = {};
    if (!title.trim()) fields.title = t('web.task.titleMissing');
    const dueAt = endOfLocalDay(due);
    if (!dueAt) fields.dueAt = t('web.task.dueMissing');
    if (Object.keys(fields).length) return setErrors({ fields, form: null });
    setBusy(true);
    try {
      await profileApi.addTask({ accountId: account.id, title: title.trim(), dueAt: dueAt!, assigneeId: assigneeId ? Number(assigneeId) : null, notes: notes.trim() || null });
      onSaved(t('web.task.added'));
    } catch (error) {
      setErrors(formErrorsFrom(error, FIELDS));
      setBusy(false);
    }
  };

  return (
    <form className="stack quick-form" onSubmit={submit} noValidate aria-label={t('web.task.details')}>
      <h3>{t('web.profile.addTask')}</h3>
      {errors.form && <p className="error-banner" role="alert">{errors.form}</p>}
      <TextField label={t('web.task.task')} value={title} onChange={(e) => setTitle(e.target.value)} error={errors.fields.title} maxLength={200} required />
      <div className="form-grid">
        <TextField label={t('web.task.due')} type="date" value={due} onChange={(e) => setDue(e.target.value)} error={errors.fields.dueAt} />
        <SelectField label={t('web.task.for')} value={assigneeId} onChange={(e) => setAssigneeId(e.target.value)} blank={t('web.task.nobodyYet')} error={errors.fields.assigneeId}
          choices={users.list.filter((u) => u.active).map((u) => ({ value: String(u.id), label: u.name }))} />
      </div>
      <TextAreaField label={t('web.interaction.notes')} value={notes} onChange={(e) => setNotes(e.target.value)} error={errors.fields.notes} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>{busy ? t('web.profile.saving') : t('web.task.save')}</button>
        <button type="button" onClick={onCancel}>{t('web.common.cancel')}</button>
      </div>
    </form>
  );
}
