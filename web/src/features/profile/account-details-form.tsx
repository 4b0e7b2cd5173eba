// Every detail of the account, editable, with the API's validation shown beside each field.
import { t } from '../../shared/i18n/i18n';
import { useId, useState, type FormEvent } from 'react';
import type { Account } from '../../shared/api/types';
import { ACCOUNT_KINDS, ACCOUNT_SIZES, COUNTRY_CODES, RELATIONSHIP_TYPES } from '../../shared/api/vocabulary';
import { SelectField, TextField } from '../../shared/ui/field';
import { formErrorsFrom, NO_ERRORS, type FormErrors } from '../../shared/ui/form-errors';
import { countryName, words, type LabelGroup } from '../../shared/ui/words';
import { accountsApi } from '../accounts/accounts-api';
import { forgetKnownValues, useKnownValues, valuesOf } from '../accounts/use-known-values';
import { CHOICE_FIELDS, DAY_FIELDS, draftOf, patchFrom, TEXT_FIELDS, type Draft } from './account-draft';

const FIELDS = [...TEXT_FIELDS, ...CHOICE_FIELDS, 'tags', 'hasInterest', 'hasFinancialCapacity'];
/** Text fields offered the values in use as choices; a new value can still be typed. */
const KNOWN_FIELDS = new Set(['segment', 'sector'] as const);
const choices = (values: readonly string[], group: LabelGroup) => values.map((v) => ({ value: v, label: words(v, group) }));
const countries = () => [...COUNTRY_CODES].map((c) => ({ value: c, label: countryName(c) })).sort((a, b) => a.label.localeCompare(b.label));

export function AccountDetailsForm({ account, onSaved }: { account: Account; onSaved(account: Account): void }) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState<Draft>(() => draftOf(account));
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const known = useKnownValues(editing);
  const listId = useId();
  const set = (field: keyof Draft) => (event: { target: { value: string } }) => setDraft((d) => ({ ...d, [field]: event.target.value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const patch = patchFrom(account, draft);
    if (Object.keys(patch).length === 0) return setErrors({ fields: {}, form: t('web.profile.nothingChanged') });
    setBusy(true);
    try {
      const next = await accountsApi.update(account.id, patch);
      if ('segment' in patch || 'sector' in patch) forgetKnownValues();
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
        <h2 id="details-title">{t('web.profile.details')}</h2>
        {saved && <p className="success-banner" role="status">{t('web.profile.detailsSaved')}</p>}
        <button type="button" onClick={() => { setDraft(draftOf(account)); setSaved(false); setEditing(true); }}>{t('web.profile.editDetails')}</button>
      </section>
    );
  }
  return (
    <section className="card" aria-labelledby="details-title">
      <h2 id="details-title">{t('web.profile.details')}</h2>
      <form className="stack" onSubmit={submit} noValidate>
        {errors.form && <p className="error-banner" role="alert">{errors.form}</p>}
        <div className="form-grid">
          {TEXT_FIELDS.map((field) => {
            const isKnown = (KNOWN_FIELDS as ReadonlySet<string>).has(field);
            return (
              <TextField key={field} label={t(`labels.field.${field}`)} value={draft[field]} onChange={set(field)} error={errors.fields[field]}
                type={field === 'email' ? 'email' : field === 'phone' ? 'tel' : DAY_FIELDS.has(field) ? 'date' : 'text'}
                list={isKnown ? `${listId}-${field}` : undefined} autoComplete={isKnown ? 'off' : undefined}
                hint={field === 'customerSince' ? t('web.profile.customerSinceHint') : isKnown ? t('web.profile.knownValuesHint') : undefined} />
            );
          })}
          {[...KNOWN_FIELDS].map((field) => (
            <datalist key={field} id={`${listId}-${field}`}>
              {valuesOf(known, field).map((v) => <option key={v.value} value={v.value} />)}
            </datalist>
          ))}
          <SelectField label={t('labels.field.kind')} value={draft.kind} onChange={set('kind')} choices={choices(ACCOUNT_KINDS, 'accountKind')} error={errors.fields.kind} />
          <SelectField label={t('labels.field.size')} value={draft.size} onChange={set('size')} blank={t('web.profile.notKnown')} choices={choices(ACCOUNT_SIZES, 'accountSize')} error={errors.fields.size} />
          <SelectField label={t('labels.field.relationshipType')} value={draft.relationshipType} onChange={set('relationshipType')} blank={t('web.profile.notKnown')} choices={choices(RELATIONSHIP_TYPES, 'relationshipType')} error={errors.fields.relationshipType} />
          <SelectField label={t('labels.field.country')} value={draft.country} onChange={set('country')} blank={t('web.profile.notKnown')} choices={countries()} error={errors.fields.country} />
          <TextField label={t('labels.field.tags')} value={draft.tags} onChange={set('tags')} error={errors.fields.tags} hint={t('web.profile.tagsHint')} />
        </div>
        <label className="check"><input type="checkbox" checked={draft.hasInterest} onChange={(e) => setDraft((d) => ({ ...d, hasInterest: e.target.checked }))} /> {t('labels.field.hasInterest')}</label>
        <label className="check"><input type="checkbox" checked={draft.hasFinancialCapacity} onChange={(e) => setDraft((d) => ({ ...d, hasFinancialCapacity: e.target.checked }))} /> {t('labels.field.hasFinancialCapacity')}</label>
        <div className="form-actions">
          <button type="submit" className="primary" disabled={busy}>{busy ? t('web.profile.saving') : t('web.profile.saveDetails')}</button>
          <button type="button" onClick={() => { setEditing(false); setErrors(NO_ERRORS); }}>{t('web.common.cancel')}</button>
        </div>
      </form>
    </section>
  );
}
