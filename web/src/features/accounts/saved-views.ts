// Saved views of the account list (filters, search, sort and columns under a name) and the
// last column choice, kept per user in the browser's localStorage: they stay on this device.
export interface SavedView {
  name: string;
  /** The list's address query, e.g. "?status=customer&sort=-updatedAt". */
  search: string;
  columns: string[];
}

type KeyValueStore = Pick<Storage, 'getItem' | 'setItem'>;

const viewsKey = (userId: number) => `clientele.accountViews.${userId}`;
const columnsKey = (userId: number) => `clientele.accountColumns.${userId}`;

function readJson<T>(storage: KeyValueStore, key: string, check: (value: unknown) => value is T, fallback: T): T {
  try {
    const raw = storage.getItem(key);
    if (raw === null) return fallback;
    const value: unknown = JSON.parse(raw);
    return check(value) ? value : fallback;
  } catch {
    return fallback;
  }
}

const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
const isViewList = (v: unknown): v is SavedView[] => Array.isArray(v) && v.every((x) =>
  typeof x === 'object' && x !== null && typeof (x as SavedView).name === 'string'
  && typeof (x as SavedView).search === 'string' && isStringArray((x as SavedView).columns));

export function readViews(storage: KeyValueStore, userId: number): SavedView[] {
  return readJson(storage, viewsKey(userId), isViewList, []);
}

/** Saving under an existing name replaces that view; views stay sorted by name. */
export function saveView(storage: KeyValueStore, userId: number, view: SavedView): SavedView[] {
  const name = view.name.trim();
  if (!name) throw new Error('A saved view needs a name.');
  const views = readViews(storage, userId).filter((v) => v.name !== name);
  const next = [...views, { ...view, name }].sort((a, b) => a.name.localeCompare(b.name));
  storage.setItem(viewsKey(userId), JSON.stringify(next));
  return next;
}

export function deleteView(storage: KeyValueStore, userId: number, name: string): SavedView[] {
  const next = readViews(storage, userId).filter((v) => v.name !== name);
  storage.setItem(viewsKey(userId), JSON.stringify(next));
  return next;
}

export function readColumns(storage: KeyValueStore, userId: number, fallback: string[]): string[] {
  return readJson(storage, columnsKey(userId), isStringArray, fallback);
}

export function writeColumns(storage: KeyValueStore, userId: number, columns: string[]): void {
  storage.setItem(columnsKey(userId), JSON.stringify(columns));
}
