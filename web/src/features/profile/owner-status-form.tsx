// Hands the account to another owner or moves it along its lifecycle.
import { useState, type FormEvent } from 'react';
import { t } from '../../shared/i18n/i18n';
import type { Account } from '../../shared/api/types';
import { ACCOUNT_STATUSES } from '../../shared/api/vocabulary';
import { SelectField } from '../../shared/ui/field';
import { formErrorsFrom, NO_ERRORS, type FormErrors } from '../../shared/ui/form-errors';
import { useUsers } from '../../shared/users/use-users';
import { words } from '../../shared/ui/words';
import { accountsApi } from '../accounts/accounts-api';

interface Props {
  account: Account;
  onSaved(account: Account, message: string): void;
  onCancel(): void;
}

export function OwnerStatusForm({ account, onSaved, onCancel }: Props) {
  const users = useUsers();
  const [ownerId, setOwnerId] = useState(account.ownerId ? String(account.ownerId) : '');
  const [status, setStatus] = useState<string>(account.status);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const patch: { ownerId?: number | null; status?: Account['status'] } = {};
    const owner = ownerId ? Number(ownerId) : null;
    if (owner !== account.ownerId) patch.ownerId = owner;
    if (status !== account.status) patch.status = status as Account['status'];
    if (Object.keys(patch).length === 0) return setErrors({ fields: {}, form: t('web.ownerStatus.nothing') });
    setBusy(true);
    try {
      const next = await accountsApi.update(account.id, patch);
      const said = [patch.ownerId !== undefined && t('web.ownerStatus.ownerChanged'), patch.status && t('web.ownerStatus.statusChanged', { status: words(next.status) })].filter(Boolean);
      onSaved(next, t('web.ownerStatus.said', { said: said.join('; ') }));
    } catch (error) {
      setErrors(formErrorsFrom(error, ['ownerId', 'status']));
      setBusy(false);
    }
  };

  return (
    <form className="stack quick-form" onSubmit={submit} noValidate aria-label={t('web.ownerStatus.form')}>
      <h3>{t('web.profile.ownerOrStatus')}</h3>
      {errors.form && <p className="error-banner" role="alert">{errors.form}</p>}
      <div className="form-grid">
        <SelectField label={t('web.profile.owner')} value={ownerId} onChange={(e) => setOwnerId(e.target.value)} blank={t('web.profile.nobody')} error={errors.fields.ownerId}
          choices={users.list.filter((u) => u.active || u.id === account.ownerId).map((u) => ({ value: String(u.id), label: u.name }))} />
        <SelectField label={t('labels.field.status')} value={status} onChange={(e) => setStatus(e.target.value)} error={errors.fields.status}
          choices={ACCOUNT_STATUSES.map((s) => ({ value: s, label: words(s) }))} />
      </div>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>{busy ? t('web.profile.saving') : t('web.ownerStatus.save')}</button>
        <button type="button" onClick={onCancel}>{t('web.common.cancel')}</button>
      </div>
    </form>
  );
}
