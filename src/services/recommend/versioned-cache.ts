// Values that take seconds to compute from the store, kept while the data they came from is
// unchanged. Concurrent requests for the same key and version share one computation; a failed
// one is forgotten so the next request tries again; the least recently used keys go first.

interface Entry<T> {
  version: string;
  value: Promise<T>;
}

export class VersionedCache<T> {
  private readonly entries = new Map<string, Entry<T>>();

  constructor(private readonly maxEntries: number) {}

  get(key: string, version: string, compute: () => Promise<T>): Promise<T> {
    const current = this.entries.get(key);
    this.entries.delete(key);
    if (current?.version === version) {
      this.entries.set(key, current);
      return current.value;
    }
    const value = compute();
    this.entries.set(key, { version, value });
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    value.catch(() => { if (this.entries.get(key)?.value === value) this.entries.delete(key); });
    return value;
  }
}
