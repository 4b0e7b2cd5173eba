// Actions on the selected accounts: assign an owner, add a tag. Each account is changed through
// the API like a single edit (audited, checked against the user's rights).
import { useState } from 'react';
import { describeError } from '../../shared/api/api-error';
import type { Account, User } from '../../shared/api/types';
import { accountsApi } from './accounts-api';
import { runInBatches } from './run-in-batches';

interface Props {
  selected: Account[];
  users: User[];
  onChanged(accounts: Account[]): void;
  onClear(): void;
}

function summary(verb: string, done: number, failed: { id: number; error: unknown }[], names: Map<number, string>): string {
  const ok = `${verb} on ${done} account${done === 1 ? '' : 's'}.`;
  if (failed.length === 0) return ok;
  const first = failed[0]!;
  return `${ok} ${failed.length} could not be changed; ${names.get(first.id) ?? `account ${first.id}`}: ${describeError(first.error)}`;
}

export function BulkActions({ selected, users, onChanged, onClear }: Props) {
  const [ownerId, setOwnerId] = useState('');
  const [tag, setTag] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; failed: boolean } | null>(null);
  const names = new Map(selected.map((a) => [a.id, a.name]));

  const run = async (verb: string, change: (account: Account) => Promise<Account>) => {
    setBusy(true);
    setMessage(null);
    const byId = new Map(selected.map((a) => [a.id, a]));
    const outcome = await runInBatches(selected.map((a) => a.id), (id) => change(byId.get(id)!));
    onChanged(outcome.done);
    setMessage({ text: summary(verb, outcome.done.length, outcome.failed, names), failed: outcome.failed.length > 0 });
    setBusy(false);
  };

  const assign = () => {
    if (!ownerId) return setMessage({ text: 'Choose the owner to assign.', failed: true });
    const owner = users.find((u) => String(u.id) === ownerId);
    void run(`Owner set to ${owner?.name ?? ownerId}`, (a) => accountsApi.update(a.id, { ownerId: Number(ownerId) }));
  };

  const addTag = () => {
    const clean = tag.trim();
    if (!clean || clean.includes(',')) return setMessage({ text: 'Type one tag, without commas.', failed: true });
    void run(`Tag "${clean}" added`, (a) => (a.tags.includes(clean) ? Promise.resolve(a) : accountsApi.update(a.id, { tags: [...a.tags, clean] })));
  };

  return (
    <section className="bulk-bar" aria-label="Actions on the selected accounts">
      <strong>{selected.length} selected</strong>
      <div className="bulk-action">
        <label htmlFor="bulk-owner">Owner</label>
        <select id="bulk-owner" value={ownerId} onChange={(e) => setOwnerId(e.target.value)}>
          <option value="">Choose…</option>
          {users.filter((u) => u.active).map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
        </select>
        <button type="button" onClick={assign} disabled={busy}>Assign owner</button>
      </div>
      <div className="bulk-action">
        <label htmlFor="bulk-tag">Tag</label>
        <input id="bulk-tag" value={tag} onChange={(e) => setTag(e.target.value)} maxLength={50} />
        <button type="button" onClick={addTag} disabled={busy}>Add tag</button>
      </div>
      <button type="button" className="link-button" onClick={onClear}>Clear selection</button>
      {busy && <span role="status">Working…</span>}
      {message && <p role={message.failed ? 'alert' : 'status'} className={message.failed ? 'bulk-message error-text' : 'bulk-message'}>{message.text}</p>}
    </section>
  );
}
