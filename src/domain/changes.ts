// The before/after of the fields a write changed, as the audit trail records it.
export type Changes = Record<string, [before: unknown, after: unknown]>;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function changedFields<T extends object>(before: T | undefined, after: T | undefined, ignore: readonly string[] = []): Changes {
  const changes: Changes = {};
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const key of keys) {
    if (ignore.includes(key)) continue;
    const a = (before as Record<string, unknown> | undefined)?.[key] ?? null;
    const b = (after as Record<string, unknown> | undefined)?.[key] ?? null;
    if (!same(a, b)) changes[key] = [a, b];
  }
  return changes;
}
