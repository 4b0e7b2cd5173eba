// A run's figures change only when the run is replaced (a new id) or when accounts in it are
// re-placed after an order: the dashboard's many reads of 100,000 rows are kept per store,
// run and reader's scope, and dropped on either change (and after a few minutes, for changes
// made by another process on the same PostgreSQL database).
import type { Store } from '../../store/store.js';

const MAX_ENTRIES = 500;
const TTL_MS = 5 * 60 * 1000;

interface Entry { value: Promise<unknown>; at: number }
const caches = new WeakMap<object, Map<string, Entry>>();

function cacheOf(store: Store): Map<string, Entry> {
  let cache = caches.get(store.connection);
  if (!cache) caches.set(store.connection, cache = new Map());
  return cache;
}

export function invalidateViews(store: Store): void {
  cacheOf(store).clear();
}

export function cachedView<T>(store: Store, key: readonly unknown[], compute: () => Promise<T>): Promise<T> {
  const cache = cacheOf(store);
  const k = JSON.stringify(key);
  const hit = cache.get(k);
  if (hit && Date.now() - hit.at < TTL_MS) {
    cache.delete(k);
    cache.set(k, hit);
    return hit.value as Promise<T>;
  }
  const value = compute();
  cache.set(k, { value, at: Date.now() });
  value.catch(() => cache.delete(k));
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  return value;
}
