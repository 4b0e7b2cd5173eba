// Every detail of the account, editable, with the API's validation shown beside each field.
import { useState, type FormEvent } from 'react';
import type { Account } from '../../shared/api/types';
import { ACCOUNT_KINDS, ACCOUNT_SIZES, COUNTRY_CODES, RELATIONSHIP_TYPES } from '../../shared/api/vocabulary';
import { SelectField, TextField } from '../../shared/ui/field';
import { formErrorsFrom, NO_ERRORS, type FormErrors } from '../../shared/ui/form-errors';
import { countryName, words } from '../../shared/ui/words';
import { accountsApi } from '../accounts/accounts-api';
import { CHOICE_FIELDS, DAY_FIELDS, draftOf, patchFrom, TEXT_FIELDS, type Draft } from './account-draft';

const LABELS: Record<string, string> = {
  name: 'Name', externalId: 'External id', sector: 'Sector', segment: 'Segment', region: 'Region', city: 'City',
  postalCode: 'Postal code', website: 'Website', email: 'Email', phone: 'Phone', customerSince: 'Customer since',
};
const FIELDS = [...TEXT_FIELDS, ...CHOICE_FIELDS, 'tags', 'hasInterest', 'hasFinancialCapacity'];
const choices = (values: readonly string[]) => values.map((v) => ({ value: v, label: words(v) }));
const COUNTRIES = [...COUNTRY_CODES].map((c) => ({ value: c, label: countryName(c) })).sort((a, b) => a.label.localeCompare(b.label));

export function AccountDetailsForm({ account, onSaved }: { account: Account; onSaved(account: Account): void }) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState<Draft>(() => draftOf(account));
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const set = (field: keyof Draft) => (event: { target: { value: string } }) => setDraft((d) => ({ ...d, [field]: event.target.value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const patch = patchFrom(account, draft);
    if (Object.keys(patch).length === 0) return setErrors({ fields: {}, form: 'Nothing changed.' });
    setBusy(true);
    try {
      const next = await accountsApi.update(account.id, patch);
      onSaved(next);
      setDraft(draftOf(next));
      setErrors(NO_ERRORS);
      setEditing(false);
      setSaved(true);
    } catch (error) {
      setErrors(formErrorsFrom(error, FIELDS));
    }
    setBusy(false);
  };

  if (!editing) {
    return (
      <section className="card" aria-labelledby="details-title">
        <h2 id="details-title">Details</h2>
        {saved && <p className="success-banner" role="status">Details saved.</p>}
        <button type="button" onClick={() => { setDraft(draftOf(account)); setSaved(false); setEditing(true); }}>Edit details</button>
      </section>
    );
  }
  return (
    <section className="card" aria-labelledby="details-title">
      <h2 id="details-title">Details</h2>
      <form className="stack" onSubmit={submit} noValidate>
        {errors.form && <p className="error-banner" role="alert">{errors.form}</p>}
        <div className="form-grid">
          {TEXT_FIELDS.map((field) => (
            <TextField key={field} label={LABELS[field]!} value={draft[field]} onChange={set(field)} error={errors.fields[field]}
              type={field === 'email' ? 'email' : field === 'phone' ? 'tel' : DAY_FIELDS.has(field) ? 'date' : 'text'}
              hint={field === 'customerSince' ? 'When the relationship began, if before this record: the analysis counts the account from then' : undefined} />
          ))}
          <SelectField label="Kind" value={draft.kind} onChange={set('kind')} choices={choices(ACCOUNT_KINDS)} error={errors.fields.kind} />
          <SelectField label="Size" value={draft.size} onChange={set('size')} blank="Not known" choices={choices(ACCOUNT_SIZES)} error={errors.fields.size} />
          <SelectField label="Relationship" value={draft.relationshipType} onChange={set('relationshipType')} blank="Not known" choices={choices(RELATIONSHIP_TYPES)} error={errors.fields.relationshipType} />
          <SelectField label="Country" value={draft.country} onChange={set('country')} blank="Not known" choices={COUNTRIES} error={errors.fields.country} />
          <TextField label="Tags" value={draft.tags} onChange={set('tags')} error={errors.fields.tags} hint="Separated by commas" />
        </div>
        <label className="check"><input type="checkbox" checked={draft.hasInterest} onChange={(e) => setDraft((d) => ({ ...d, hasInterest: e.target.checked }))} /> Has shown interest</label>
        <label className="check"><input type="checkbox" checked={draft.hasFinancialCapacity} onChange={(e) => setDraft((d) => ({ ...d, hasFinancialCapacity: e.target.checked }))} /> Has the means to buy</label>
        <div className="form-actions">
          <button type="submit" className="primary" disabled={busy}>{busy ? 'Saving…' : 'Save details'}</button>
          <button type="button" onClick={() => { setEditing(false); setErrors(NO_ERRORS); }}>Cancel</button>
        </div>
      </form>
    </section>
  );
}
