// The list's rows, loaded a cursor page at a time as the table scrolls towards the end.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Account } from '../../shared/api/types';
import { accountsApi } from './accounts-api';

export interface AccountPages {
  items: Account[];
  /** More rows exist beyond those loaded. */
  hasMore: boolean;
  loading: boolean;
  error: unknown;
  loadMore(): void;
  /** Asks again for the page that failed. */
  retry(): void;
  /** Puts changed rows in place, after a bulk action. */
  replace(changed: Account[]): void;
  reload(): void;
}

interface State {
  items: Account[];
  cursor: string | null;
  done: boolean;
  loading: boolean;
  error: unknown;
}

const START: State = { items: [], cursor: null, done: false, loading: true, error: undefined };

export function useAccountPages(query: Record<string, string>): AccountPages {
  const key = JSON.stringify(query);
  const [state, setState] = useState<State>(START);
  const [generation, setGeneration] = useState(0);
  const request = useRef<AbortController | null>(null);
  const stateRef = useRef(state);
  stateRef.current = state;

  const fetchPage = useCallback((cursor: string | null, fresh: boolean) => {
    request.current?.abort();
    const controller = new AbortController();
    request.current = controller;
    setState((s) => (fresh ? START : { ...s, loading: true, error: undefined }));
    accountsApi.list(JSON.parse(key) as Record<string, string>, cursor, controller.signal).then(
      (page) => {
        if (controller.signal.aborted) return;
        setState((s) => ({
          items: fresh ? page.items : [...s.items, ...page.items],
          cursor: page.nextCursor, done: page.nextCursor === null, loading: false, error: undefined,
        }));
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setState((s) => ({ ...s, loading: false, error }));
      },
    );
  }, [key]);

  useEffect(() => {
    fetchPage(null, true);
    return () => request.current?.abort();
  }, [fetchPage, generation]);

  const loadMore = useCallback(() => {
    const s = stateRef.current;
    if (s.loading || s.done || s.error) return;
    fetchPage(s.cursor, false);
  }, [fetchPage]);

  const retry = useCallback(() => {
    const s = stateRef.current;
    fetchPage(s.cursor, s.items.length === 0);
  }, [fetchPage]);

  const replace = useCallback((changed: Account[]) => {
    const byId = new Map(changed.map((a) => [a.id, a]));
    setState((s) => ({ ...s, items: s.items.map((a) => byId.get(a.id) ?? a) }));
  }, []);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);

  return { items: state.items, hasMore: !state.done, loading: state.loading, error: state.error, loadMore, retry, replace, reload };
}
