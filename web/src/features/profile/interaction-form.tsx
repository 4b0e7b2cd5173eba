// Logs a call, visit, email or note: a subject, who it was with, when, how it went.
import { useState, type FormEvent } from 'react';
import { t } from '../../shared/i18n/i18n';
import { useAsync } from '../../shared/api/use-async';
import type { Account } from '../../shared/api/types';
import { TextAreaField, TextField, SelectField } from '../../shared/ui/field';
import { formErrorsFrom, NO_ERRORS, type FormErrors } from '../../shared/ui/form-errors';
import { fromLocalInput, toLocalInput } from './local-time';
import { profileApi } from './profile-api';

export type LoggedType = 'call' | 'visit' | 'email' | 'note';

/** The form's title, a key of its own per type. */
const TITLE: Record<LoggedType, string> = { call: 'web.profile.logCall', visit: 'web.profile.logVisit', email: 'web.profile.logEmail', note: 'web.profile.addNote' };
const FIELDS = ['subject', 'contactId', 'direction', 'occurredAt', 'outcome', 'body'] as const;

interface Props {
  type: LoggedType;
  account: Account;
  onSaved(message: string): void;
  onCancel(): void;
}

export function InteractionForm({ type, account, onSaved, onCancel }: Props) {
  const contacts = useAsync((signal) => profileApi.contacts(account.id, signal), [account.id]);
  const [subject, setSubject] = useState('');
  const [contactId, setContactId] = useState('');
  const [direction, setDirection] = useState(type === 'note' ? '' : 'outbound');
  const [when, setWhen] = useState(() => toLocalInput(new Date()));
  const [outcome, setOutcome] = useState('');
  const [body, setBody] = useState('');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const fields: Record<string, string> = {};
    if (!subject.trim()) fields.subject = t(`web.interaction.subjectMissing.${type}`);
    const occurredAt = fromLocalInput(when);
    if (!occurredAt) fields.occurredAt = t('web.interaction.whenMissing');
    else if (new Date(occurredAt).getTime() > Date.now() + 5 * 60_000) fields.occurredAt = t('web.interaction.future');
    if (Object.keys(fields).length) return setErrors({ fields, form: null });
    setBusy(true);
    try {
      await profileApi.logInteraction({
        accountId: account.id, type, subject: subject.trim(), occurredAt: occurredAt!,
        contactId: contactId ? Number(contactId) : null,
        direction: direction ? direction as 'inbound' | 'outbound' | 'internal' : null,
        outcome: outcome.trim() || null, body: body.trim() || null,
      });
      onSaved(t(`web.interaction.logged.${type}`));
    } catch (error) {
      setErrors(formErrorsFrom(error, FIELDS));
      setBusy(false);
    }
  };

  const contactChoices = (contacts.data?.items ?? []).map((c) => ({ value: String(c.id), label: [c.firstName, c.lastName].filter(Boolean).join(' ') }));
  return (
    <form className="stack quick-form" onSubmit={submit} noValidate aria-label={t(`web.interaction.details.${type}`)}>
      <h3>{t(TITLE[type])}</h3>
      {errors.form && <p className="error-banner" role="alert">{errors.form}</p>}
      <TextField label={t('web.interaction.subject')} value={subject} onChange={(e) => setSubject(e.target.value)} error={errors.fields.subject} maxLength={200} required />
      <div className="form-grid">
        <SelectField label={t('web.interaction.with')} value={contactId} onChange={(e) => setContactId(e.target.value)} blank={t('web.interaction.nobody')}
          choices={contactChoices} error={errors.fields.contactId} />
        {type !== 'note' && (
          <SelectField label={t('web.interaction.direction')} value={direction} onChange={(e) => setDirection(e.target.value)} error={errors.fields.direction}
            choices={[{ value: 'outbound', label: t('web.interaction.outbound') }, { value: 'inbound', label: t('web.interaction.inbound') }]} />
        )}
        <TextField label={t('web.interaction.when')} type="datetime-local" value={when} onChange={(e) => setWhen(e.target.value)} error={errors.fields.occurredAt} />
        {type !== 'note' && <TextField label={t('web.interaction.outcome')} value={outcome} onChange={(e) => setOutcome(e.target.value)} error={errors.fields.outcome} maxLength={200} placeholder={t('web.interaction.outcomeExample')} />}
      </div>
      <TextAreaField label={t('web.interaction.notes')} value={body} onChange={(e) => setBody(e.target.value)} error={errors.fields.body} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>{busy ? t('web.profile.saving') : t(`web.interaction.save.${type}`)}</button>
        <button type="button" onClick={onCancel}>{t('web.common.cancel')}</button>
      </div>
    </form>
  );
}
