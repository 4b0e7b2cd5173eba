// Actions on the selected accounts: assign an owner, add a tag. Each account is changed through
// the API like a single edit (audited, checked against the user's rights).
import { useState } from 'react';
import { t } from '../../shared/i18n/i18n';
import { describeError } from '../../shared/api/api-error';
import type { Account, User } from '../../shared/api/types';
import { formatNumber } from '../../shared/ui/words';
import { accountsApi } from './accounts-api';
import { runInBatches } from './run-in-batches';

interface Props {
  selected: Account[];
  users: User[];
  onChanged(accounts: Account[]): void;
  onClear(): void;
}

/** What was done, as a catalog key and its words, said with the count of accounts it was done on. */
interface Done {
  key: string;
  words: Record<string, string>;
}

function summary(done: Done, count: number, failed: { id: number; error: unknown }[], names: Map<number, string>): string {
  const ok = t(done.key, { ...done.words, count, formatted: formatNumber(count) });
  if (failed.length === 0) return ok;
  const first = failed[0]!;
  const name = names.get(first.id) ?? t('web.bulk.accountNumber', { id: first.id });
  return `${ok} ${t('web.bulk.failed', { count: failed.length, formatted: formatNumber(failed.length), name, error: describeError(first.error) })}`;
}

export function BulkActions({ selected, users, onChanged, onClear }: Props) {
  const [ownerId, setOwnerId] = useState('');
  const [tag, setTag] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; failed: boolean } | null>(null);
  const names = new Map(selected.map((a) => [a.id, a.name]));

  const run = async (done: Done, change: (account: Account) => Promise<Account>) => {
    setBusy(true);
    setMessage(null);
    const byId = new Map(selected.map((a) => [a.id, a]));
    const outcome = await runInBatches(selected.map((a) => a.id), (id) => change(byId.get(id)!));
    onChanged(outcome.done);
    setMessage({ text: summary(done, outcome.done.length, outcome.failed, names), failed: outcome.failed.length > 0 });
    setBusy(false);
  };

  const assign = () => {
    if (!ownerId) return setMessage({ text: t('web.bulk.chooseOwner'), failed: true });
    const owner = users.find((u) => String(u.id) === ownerId);
    void run({ key: 'web.bulk.ownerSet', words: { owner: owner?.name ?? ownerId } }, (a) => accountsApi.update(a.id, { ownerId: Number(ownerId) }));
  };

  const addTag = () => {
    const clean = tag.trim();
    if (!clean || clean.includes(',')) return setMessage({ text: t('web.bulk.oneTag'), failed: true });
    void run({ key: 'web.bulk.tagAdded', words: { tag: clean } }, (a) => (a.tags.includes(clean) ? Promise.resolve(a) : accountsApi.update(a.id, { tags: [...a.tags, clean] })));
  };

  return (
    <section className="bulk-bar" aria-label={t('web.bulk.title')}>
      <strong>{t('web.bulk.selected', { count: selected.length, formatted: formatNumber(selected.length) })}</strong>
      <div className="bulk-action">
        <label htmlFor="bulk-owner">{t('web.bulk.owner')}</label>
        <select id="bulk-owner" value={ownerId} onChange={(e) => setOwnerId(e.target.value)}>
          <option value="">{t('web.bulk.choose')}</option>
          {users.filter((u) => u.active).map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
        </select>
        <button type="button" onClick={assign} disabled={busy}>{t('web.bulk.assign')}</button>
      </div>
      <div className="bulk-action">
        <label htmlFor="bulk-tag">{t('web.bulk.tag')}</label>
        <input id="bulk-tag" value={tag} onChange={(e) => setTag(e.target.value)} maxLength={50} />
        <button type="button" onClick={addTag} disabled={busy}>{t('web.bulk.addTag')}</button>
      </div>
      <button type="button" className="link-button" onClick={onClear}>{t('web.bulk.clear')}</button>
      {busy && <span role="status">{t('web.bulk.working')}</span>}
      {message && <p role={message.failed ? 'alert' : 'status'} className={message.failed ? 'bulk-message error-text' : 'bulk-message'}>{message.text}</p>}
    </section>
  );
}
