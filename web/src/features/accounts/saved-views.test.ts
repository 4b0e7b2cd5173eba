import { describe, expect, it } from 'vitest';
import { deleteView, readColumns, readViews, saveView, writeColumns } from './saved-views';

function memoryStorage() {
  const map = new Map<string, string>();
  return { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v), map };
}

describe('saved views of the account list', () => {
  it('keeps each user\'s views apart, sorted by name', () => {
    const storage = memoryStorage();
    saveView(storage, 1, { name: 'Lost French customers', search: '?status=ex_customer&country=FR', columns: ['name'] });
    saveView(storage, 1, { name: 'Big ones', search: '?size=enterprise', columns: ['name', 'owner'] });
    saveView(storage, 2, { name: 'Mine', search: '?ownerId=2', columns: [] });
    expect(readViews(storage, 1).map((v) => v.name)).toEqual(['Big ones', 'Lost French customers']);
    expect(readViews(storage, 2).map((v) => v.name)).toEqual(['Mine']);
  });

  it('replaces a view saved again under the same name, and deletes one by name', () => {
    const storage = memoryStorage();
    saveView(storage, 1, { name: 'Leads', search: '?status=lead', columns: ['name'] });
    saveView(storage, 1, { name: ' Leads ', search: '?status=lead&country=ES', columns: ['name'] });
    expect(readViews(storage, 1)).toEqual([{ name: 'Leads', search: '?status=lead&country=ES', columns: ['name'] }]);
    expect(deleteView(storage, 1, 'Leads')).toEqual([]);
  });

  it('refuses a view without a name', () => {
    expect(() => saveView(memoryStorage(), 1, { name: '  ', search: '', columns: [] })).toThrow(/name/);
  });

  it('falls back to the defaults when the stored text is damaged', () => {
    const storage = memoryStorage();
    storage.setItem('clientele.accountViews.1', '{not json');
    storage.setItem('clientele.accountColumns.1', '[1,2]');
    expect(readViews(storage, 1)).toEqual([]);
    expect(readColumns(storage, 1, ['name'])).toEqual(['name']);
    writeColumns(storage, 1, ['name', 'city']);
    expect(readColumns(storage, 1, ['name'])).toEqual(['name', 'city']);
  });
});
