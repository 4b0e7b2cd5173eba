// Logs a call, visit, email or note: a subject, who it was with, when, how it went.
import { useState, type FormEvent } from 'react';
import { useAsync } from '../../shared/api/use-async';
import type { Account } from '../../shared/api/types';
import { TextAreaField, TextField, SelectField } from '../../shared/ui/field';
import { formErrorsFrom, NO_ERRORS, type FormErrors } from '../../shared/ui/form-errors';
import { fromLocalInput, toLocalInput } from './local-time';
import { profileApi } from './profile-api';

export type LoggedType = 'call' | 'visit' | 'email' | 'note';

const NOUN: Record<LoggedType, string> = { call: 'Call', visit: 'Visit', email: 'Email', note: 'Note' };
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
    if (!subject.trim()) fields.subject = `Say what the ${NOUN[type].toLowerCase()} was about.`;
    const occurredAt = fromLocalInput(when);
    if (!occurredAt) fields.occurredAt = 'Give the date and time it happened.';
    else if (new Date(occurredAt).getTime() > Date.now() + 5 * 60_000) fields.occurredAt = 'This is in the future; add a task for what is still to do.';
    if (Object.keys(fields).length) return setErrors({ fields, form: null });
    setBusy(true);
    try {
      await profileApi.logInteraction({
        accountId: account.id, type, subject: subject.trim(), occurredAt: occurredAt!,
        contactId: contactId ? Number(contactId) : null,
        direction: direction ? direction as 'inbound' | 'outbound' | 'internal' : null,
        outcome: outcome.trim() || null, body: body.trim() || null,
      });
      onSaved(`${NOUN[type]} logged.`);
    } catch (error) {
      setErrors(formErrorsFrom(error, FIELDS));
      setBusy(false);
    }
  };

  const contactChoices = (contacts.data?.items ?? []).map((c) => ({ value: String(c.id), label: [c.firstName, c.lastName].filter(Boolean).join(' ') }));
  return (
    <form className="stack quick-form" onSubmit={submit} noValidate aria-label={`${NOUN[type]} details`}>
      <h3>{type === 'note' ? 'Add a note' : `Log ${type === 'email' ? 'an email' : `a ${type}`}`}</h3>
      {errors.form && <p className="error-banner" role="alert">{errors.form}</p>}
      <TextField label="Subject" value={subject} onChange={(e) => setSubject(e.target.value)} error={errors.fields.subject} maxLength={200} required />
      <div className="form-grid">
        <SelectField label="With" value={contactId} onChange={(e) => setContactId(e.target.value)} blank="Nobody in particular"
          choices={contactChoices} error={errors.fields.contactId} />
        {type !== 'note' && (
          <SelectField label="Direction" value={direction} onChange={(e) => setDirection(e.target.value)} error={errors.fields.direction}
            choices={[{ value: 'outbound', label: 'We reached out' }, { value: 'inbound', label: 'They reached us' }]} />
        )}
        <TextField label="When" type="datetime-local" value={when} onChange={(e) => setWhen(e.target.value)} error={errors.fields.occurredAt} />
        {type !== 'note' && <TextField label="Outcome" value={outcome} onChange={(e) => setOutcome(e.target.value)} error={errors.fields.outcome} maxLength={200} placeholder="e.g. asked for a quote" />}
      </div>
      <TextAreaField label="Notes" value={body} onChange={(e) => setBody(e.target.value)} error={errors.fields.body} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>{busy ? 'Saving…' : `Save ${NOUN[type].toLowerCase()}`}</button>
        <button type="button" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}
