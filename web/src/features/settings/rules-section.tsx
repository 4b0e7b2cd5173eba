// Admins tune the classification rules and, before saving, see how many accounts each change
// would move between classes. The new rules apply at the next analysis.
import { useEffect, useState, type FormEvent } from 'react';
import { ApiError, describeError } from '../../shared/api/api-error';
import { api } from '../../shared/api/http';
import { useAsync } from '../../shared/api/use-async';
import { classWords } from '../../shared/ui/class-words';
import { ErrorMessage } from '../../shared/ui/error-message';
import { SelectField, TextField } from '../../shared/ui/field';
import { formatDate, formatNumber } from '../../shared/ui/words';
import { changedCount, draftOf, RULE_FIELDS, RULE_GROUPS, rulesFrom, shownFields } from './rule-fields';
import type { RulesPreview } from '../../../../src/domain/schemas/analysis';

type Preview = RulesPreview;

const DIMENSIONS: Record<string, string> = { status: 'Activity status', abc: 'ABC class', rfm: 'RFM segment', volumeTier: 'Volume tier', frequency: 'Frequency' };

export function RulesSection() {
  const loaded = useAsync(() => api.get<Record<string, unknown>>('/settings/portfolio'), []);
  const [draft, setDraft] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [preview, setPreview] = useState<Preview | null>(null);
  const [message, setMessage] = useState<{ text: string; failed: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => { if (loaded.data) setDraft(draftOf(loaded.data)); }, [loaded.data]);

  const proposed = () => {
    const result = rulesFrom(loaded.data!, draft);
    setErrors(result.errors);
    return Object.keys(result.errors).length ? null : result.rules;
  };
  const fail = (error: unknown) => {
    if (error instanceof ApiError && error.field && RULE_FIELDS.some((f) => f.path === error.field)) setErrors({ [error.field]: error.message });
    else setMessage({ text: describeError(error), failed: true });
  };

  const runPreview = async () => {
    const rules = proposed();
    if (!rules) return;
    setBusy(true);
    setMessage(null);
    try {
      setPreview(await api.post<Preview>('/settings/portfolio/preview', rules));
    } catch (error) {
      fail(error);
    }
    setBusy(false);
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const rules = proposed();
    if (!rules) return;
    setBusy(true);
    try {
      await api.put('/settings/portfolio', rules);
      setMessage({ text: 'Rules saved. They apply from the next analysis.', failed: false });
      setPreview(null);
      loaded.reload();
    } catch (error) {
      fail(error);
    }
    setBusy(false);
  };

  const changes = loaded.data ? changedCount(loaded.data, draft) : 0;
  return (
    <section className="card stack rules-section" aria-labelledby="rules-title">
      <h2 id="rules-title">Classification rules</h2>
      <ErrorMessage error={loaded.error} />
      {loaded.data && (
        <form className="stack" onSubmit={save} noValidate>
          {RULE_GROUPS.map(({ group, title, hint }) => (
            <fieldset key={group} className="rule-group" aria-describedby={`rule-group-${group}`}>
              <legend>{title}</legend>
              <p id={`rule-group-${group}`} className="muted">{hint}</p>
              <div className="form-grid">
                {shownFields(group, draft).map((field) => (field.choices ? (
                  <SelectField key={field.path} label={field.label} value={draft[field.path] ?? ''} choices={field.choices} error={errors[field.path]}
                    onChange={(e) => setDraft({ ...draft, [field.path]: e.target.value })} />
                ) : (
                  <TextField key={field.path} label={field.label} hint={field.hint} inputMode="decimal" value={draft[field.path] ?? ''} error={errors[field.path]}
                    onChange={(e) => setDraft({ ...draft, [field.path]: e.target.value })} />
                )))}
              </div>
            </fieldset>
          ))}
          <div className="form-actions">
            <button type="button" onClick={() => void runPreview()} disabled={busy || changes === 0}>Preview the effect</button>
            <button type="submit" className="primary" disabled={busy || changes === 0}>Save rules</button>
            <span className="muted">{changes === 0 ? 'No change yet.' : `${changes} change${changes === 1 ? '' : 's'}.`}</span>
          </div>
        </form>
      )}
      {message && <p className={message.failed ? 'error-banner' : 'success-banner'} role={message.failed ? 'alert' : 'status'}>{message.text}</p>}
      {preview && (
        <div role="status" className="rules-preview">
          <h3>With these rules, as of {formatDate(preview.comparedWith.asOf)}</h3>
          <ul className="plain">
            {Object.entries(preview.moves).map(([dimension, move]) => (
              <li key={dimension}>
                <strong>{DIMENSIONS[dimension] ?? dimension}:</strong> {move.movedAccounts === 0 ? 'no account moves' : `${formatNumber(move.movedAccounts)} accounts move`}
                {move.cells.length > 0 && <span className="muted"> ({move.cells.slice(0, 4).map((c) => `${c.accounts} ${classWords(dimension, c.from)} → ${classWords(dimension, c.to)}`).join(', ')}{move.cells.length > 4 ? ', …' : ''})</span>}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
