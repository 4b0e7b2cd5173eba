// The account's story, newest first: orders, interactions, tasks and status changes, filtered
// by kind, a page at a time.
import { useEffect, useState } from 'react';
import type { TimelineEntry } from '../../shared/api/types';
import { TIMELINE_KINDS } from '../../shared/api/vocabulary';
import { ErrorMessage } from '../../shared/ui/error-message';
import { useUsers } from '../../shared/users/use-users';
import { formatDateTime, words } from '../../shared/ui/words';
import { OrderAmount } from './order-amount';
import { profileApi } from './profile-api';

interface State {
  items: TimelineEntry[];
  cursor: string | null;
  loading: boolean;
  error: unknown;
}

/** `version` changes when something was added, so the timeline asks again. */
export function TimelineSection({ accountId, version }: { accountId: number; version: number }) {
  const users = useUsers();
  const [kinds, setKinds] = useState<string[]>([...TIMELINE_KINDS]);
  const [state, setState] = useState<State>({ items: [], cursor: null, loading: true, error: undefined });

  const load = (cursor: string | null, signal?: AbortSignal) => {
    setState((s) => ({ ...s, loading: true, error: undefined }));
    profileApi.timeline(accountId, kinds, cursor, signal).then(
      (page) => setState((s) => ({ items: cursor ? [...s.items, ...page.items] : page.items, cursor: page.nextCursor, loading: false, error: undefined })),
      (error: unknown) => { if (!signal?.aborted) setState((s) => ({ ...s, loading: false, error })); },
    );
  };

  useEffect(() => {
    const controller = new AbortController();
    if (kinds.length === 0) setState({ items: [], cursor: null, loading: false, error: undefined });
    else load(null, controller.signal);
    return () => controller.abort();
  }, [accountId, kinds, version]);

  const toggle = (kind: string) => setKinds((k) => (k.includes(kind) ? k.filter((x) => x !== kind) : TIMELINE_KINDS.filter((x) => x === kind || k.includes(x))));

  return (
    <section className="card" aria-labelledby="timeline-title">
      <h2 id="timeline-title">Timeline</h2>
      <fieldset className="kind-filter">
        <legend>Show</legend>
        {TIMELINE_KINDS.map((kind) => (
          <label key={kind} className="check">
            <input type="checkbox" checked={kinds.includes(kind)} onChange={() => toggle(kind)} />
            {words(kind)}s
          </label>
        ))}
      </fieldset>
      <ErrorMessage error={state.error} />
      {!state.loading && state.items.length === 0 && !state.error && <p className="muted">Nothing to show.</p>}
      <ol className="timeline" aria-busy={state.loading}>
        {state.items.map((entry) => (
          <li key={`${entry.kind}-${entry.id}`} className={`timeline-entry kind-${entry.kind}`}>
            <div className="timeline-meta">
              <span className={`badge kind-badge kind-${entry.kind}`}>{words(entry.kind)}</span>
              <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
              {entry.userId && <span className="muted">{users.nameOf(entry.userId)}</span>}
            </div>
            <div className="timeline-title">{entry.title}</div>
            {entry.amount ? <OrderAmount amount={entry.amount} /> : entry.detail && <p className="timeline-detail">{entry.detail}</p>}
          </li>
        ))}
      </ol>
      {state.loading && <p className="muted" role="status">Loading…</p>}
      {state.cursor && !state.loading && <button type="button" onClick={() => load(state.cursor)}>Show older</button>}
    </section>
  );
}
