// The account's story, newest first: orders, interactions, tasks and status changes, filtered
// by kind, a page at a time.
import { t } from '../../shared/i18n/i18n';
import { useEffect, useRef, useState } from 'react';
import type { TimelineEntry } from '../../shared/api/types';
import { TIMELINE_KINDS } from '../../shared/api/vocabulary';
import { ErrorMessage } from '../../shared/ui/error-message';
import { useUsers } from '../../shared/users/use-users';
import { formatDateTime, formatMoney, words } from '../../shared/ui/words';
import { timelineWords } from '../../../../src/domain/i18n/timeline-words';
import { OrderAmount } from './order-amount';
import { profileApi } from './profile-api';

interface State {
  items: TimelineEntry[];
  cursor: string | null;
  loading: boolean;
  error: unknown;
}

/** The entry in the reader's language, from its facts; amounts in the organisation's currency. */
function TimelineText({ entry, currency }: { entry: TimelineEntry; currency?: string }) {
  const { title, detail } = timelineWords(entry, t, (total) => (currency ? formatMoney(total, currency, { exact: true }) : total));
  return (
    <>
      <div className="timeline-title">{title}</div>
      {entry.amount ? <OrderAmount amount={entry.amount} /> : detail && <p className="timeline-detail">{detail}</p>}
    </>
  );
}

/** `version` changes when something was added, so the timeline asks again. */
export function TimelineSection({ accountId, currency, version }: { accountId: number; currency?: string; version: number }) {
  const users = useUsers();
  const [kinds, setKinds] = useState<string[]>([...TIMELINE_KINDS]);
  const [state, setState] = useState<State>({ items: [], cursor: null, loading: true, error: undefined });
  // After "Show older", the first older entry takes the focus the vanished button had.
  const firstOlder = useRef<number | null>(null);
  const list = useRef<HTMLOListElement>(null);

  const load = (cursor: string | null, signal?: AbortSignal) => {
    setState((s) => ({ ...s, loading: true, error: undefined }));
    profileApi.timeline(accountId, kinds, cursor, signal).then(
      (page) => setState((s) => ({ items: cursor ? [...s.items, ...page.items] : page.items, cursor: page.nextCursor, loading: false, error: undefined })),
      (error: unknown) => { if (!signal?.aborted) setState((s) => ({ ...s, loading: false, error })); },
    );
  };

  useEffect(() => {
    if (firstOlder.current === null || state.loading) return;
    const entry = list.current?.children[firstOlder.current] as HTMLElement | undefined;
    firstOlder.current = null;
    entry?.focus();
  }, [state.items, state.loading]);

  const showOlder = () => {
    firstOlder.current = state.items.length;
    load(state.cursor);
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
      <h2 id="timeline-title">{t('web.timeline.title')}</h2>
      <fieldset className="kind-filter">
        <legend>{t('web.timeline.show')}</legend>
        {TIMELINE_KINDS.map((kind) => (
          <label key={kind} className="check">
            <input type="checkbox" checked={kinds.includes(kind)} onChange={() => toggle(kind)} />
            {t(`labels.timelineKinds.${kind}`)}
          </label>
        ))}
      </fieldset>
      <ErrorMessage error={state.error} />
      {!state.loading && state.items.length === 0 && !state.error && <p className="muted">{t('web.timeline.nothing')}</p>}
      <ol className="timeline" aria-busy={state.loading} ref={list}>
        {state.items.map((entry) => (
          <li key={`${entry.kind}-${entry.id}`} data-entry={`${entry.kind}-${entry.id}`} tabIndex={-1} className={`timeline-entry kind-${entry.kind}`}>
            <div className="timeline-meta">
              <span className={`badge kind-badge kind-${entry.kind}`}>{words(entry.kind, 'timelineKind')}</span>
              <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
              {entry.userId && <span className="muted">{users.nameOf(entry.userId)}</span>}
            </div>
            <TimelineText entry={entry} currency={currency} />
          </li>
        ))}
      </ol>
      {state.loading && <p className="muted" role="status">{t('web.common.loading')}</p>}
      {state.cursor && !state.loading && <button type="button" onClick={showOlder}>{t('web.timeline.older')}</button>}
    </section>
  );
}
