// Admins tune the classification rules and, before saving, see how many accounts each change
// would move between classes. The new rules apply at the next analysis.
import { useEffect, useState, type FormEvent } from 'react';
import { t } from '../../shared/i18n/i18n';
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
    setErrors(Object.fromEntries(Object.entries(result.errors).map(([path, key]) => [path, t(key)])));
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
      setMessage({ text: t('web.rules.saved'), failed: false });
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
      <h2 id="rules-title">{t('web.rules.title')}</h2>
      <ErrorMessage error={loaded.error} />
      {loaded.data && (
        <form className="stack" onSubmit={save} noValidate>
          {RULE_GROUPS.map(({ group, title, hint }) => (
            <fieldset key={group} className="rule-group" aria-describedby={`rule-group-${group}`}>
              <legend>{t(title)}</legend>
              <p id={`rule-group-${group}`} className="muted">{t(hint)}</p>
              <div className="form-grid">
                {shownFields(group, draft).map((field) => (field.choices ? (
                  <SelectField key={field.path} label={t(field.label)} value={draft[field.path] ?? ''} choices={field.choices.map((c) => ({ value: c.value, label: t(c.label) }))} error={errors[field.path]}
                    onChange={(e) => setDraft({ ...draft, [field.path]: e.target.value })} />
                ) : (
                  <TextField key={field.path} label={t(field.label)} hint={field.hint && t(field.hint)} inputMode="decimal" value={draft[field.path] ?? ''} error={errors[field.path]}
                    onChange={(e) => setDraft({ ...draft, [field.path]: e.target.value })} />
                )))}
              </div>
            </fieldset>
          ))}
          <div className="form-actions">
            <button type="button" onClick={() => void runPreview()} disabled={busy || changes === 0}>{t('web.rules.preview')}</button>
            <button type="submit" className="primary" disabled={busy || changes === 0}>{t('web.rules.save')}</button>
            <span className="muted">{changes === 0 ? t('web.rules.noChange') : t('web.rules.changes', { count: changes, formatted: formatNumber(changes) })}</span>
          </div>
        </form>
      )}
      {message && <p className={message.failed ? 'error-banner' : 'success-banner'} role={message.failed ? 'alert' : 'status'}>{message.text}</p>}
      {preview && (
        <div role="status" className="rules-preview">
          <h3>{t('web.rules.previewTitle', { day: formatDate(preview.comparedWith.asOf) })}</h3>
          <ul className="plain">
            {Object.entries(preview.moves).map(([dimension, move]) => (
              <li key={dimension}>
                <strong>{t('web.rules.dimension', { dimension: t(`web.dashboard.movementDimension.${dimension}`) })}</strong> {move.movedAccounts === 0 ? t('web.rules.noMove') : t('web.rules.moves', { count: move.movedAccounts, formatted: formatNumber(move.movedAccounts) })}
                {move.cells.length > 0 && <span className="muted"> ({move.cells.slice(0, 4).map((c) => `${formatNumber(c.accounts)} ${classWords(dimension, c.from)} → ${classWords(dimension, c.to)}`).join(', ')}{move.cells.length > 4 ? ', …' : ''})</span>}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
