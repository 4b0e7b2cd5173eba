import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PortfolioAccountRecord } from '../../src/domain/portfolio-records.js';
import { generatePortfolio } from '../../src/services/demo/generate-portfolio.js';
import { bulkLoadPortfolio, countPortfolio } from '../../src/store/bulk-load.js';
import type { Store } from '../../src/store/store.js';
import { ENGINES, openTestStore, type TestStore } from '../support/test-store.js';

const END = '2026-01-01T00:00:00.000Z';

describe.each(ENGINES)('bulk portfolio load on %s', (engine) => {
  let t: TestStore;
  let store: Store;
  beforeAll(async () => {
    t = await openTestStore(engine);
    store = t.store;
  });
  afterAll(async () => { await t?.dispose(); });

  const portfolio = generatePortfolio({ seed: 11, accounts: 60, endDate: END });
  const records = [...portfolio.records()];
  const load = (options: { reset?: boolean; records?: PortfolioAccountRecord[] } = {}) => bulkLoadPortfolio(store.connection, {
    users: portfolio.users, passwordHash: 'scrypt$demo', products: portfolio.products, records: options.records ?? records, reset: options.reset, chunkSize: 25,
  });
  const rows = async <T>(query: ReturnType<typeof sql<T>>) => (await query.execute(store.connection.db)).rows;

  it('writes every record with its references resolved to the new ids', async () => {
    const progress: number[] = [];
    const counts = await bulkLoadPortfolio(store.connection, {
      users: portfolio.users, passwordHash: 'scrypt$demo', products: portfolio.products, records, chunkSize: 25,
      onProgress: (p) => progress.push(p.accounts),
    });
    expect(progress).toEqual([25, 50, 60]);
    const sum = (f: (r: PortfolioAccountRecord) => number) => records.reduce((n, r) => n + f(r), 0);
    expect(counts).toEqual({
      users: portfolio.users.length,
      products: portfolio.products.length,
      accounts: 60,
      statusChanges: sum((r) => r.statusChanges.length),
      contacts: sum((r) => r.contacts.length),
      orders: sum((r) => r.orders.length),
      orderLines: sum((r) => r.orders.reduce((n, o) => n + o.lines.length, 0)),
      interactions: sum((r) => r.interactions.length),
      tasks: sum((r) => r.tasks.length),
    });
    expect(await countPortfolio(store.connection.db)).toEqual({ accounts: 60, products: portfolio.products.length, orders: counts.orders });

    const sample = records.find((r) => r.account.ownerEmail && r.orders.length > 1 && r.interactions.some((i) => i.contactExternalId))!;
    const account = (await store.accounts.getByExternalId(sample.account.externalId))!;
    expect(account).toMatchObject({ name: sample.account.name, status: sample.account.status, tags: sample.account.tags, customFields: sample.account.customFields });
    expect(account.createdAt).toBe(sample.account.createdAt);
    expect((await store.users.get(account.ownerId!))!.email).toBe(sample.account.ownerEmail);
    const order = (await store.orders.getByNumber(sample.orders[0]!.number))!;
    expect(order.accountId).toBe(account.id);
    expect(order.lines.map((l) => l.total)).toEqual(sample.orders[0]!.lines.map((l) => (l.totalCents / 100).toFixed(2)));

    // Every interaction's contact belongs to the interaction's own account.
    const [{ n: foreign }] = (await rows(sql<{ n: number }>`select count(*)::int as n from interactions i join contacts c on c.id = i.contact_id where c.account_id <> i.account_id`)) as [{ n: number }];
    expect(foreign).toBe(0);
    const [{ n: linked }] = (await rows(sql<{ n: number }>`select count(*)::int as n from interactions where contact_id is not null`)) as [{ n: number }];
    expect(linked).toBe(sum((r) => r.interactions.filter((i) => i.contactExternalId).length));
    const timeline = await store.timeline.page(account.id, { limit: 200, kinds: ['status_change'] });
    expect(timeline.items).toHaveLength(sample.statusChanges.length);
  });

  it('gives each account the search text the repository would build', async () => {
    const texts = () => rows(sql<{ id: number; search_text: string; contacts_search_text: string }>`select id, search_text, contacts_search_text from accounts order by id`);
    const before = await texts();
    for (const { id } of before) await store.accounts.refreshSearchText(Number(id));
    const after = await texts();
    expect(after).toEqual(before);
    const contact = records.find((r) => r.contacts.length > 0)!.contacts[0]!;
    const found = await store.accounts.list({ q: contact.lastName });
    expect(found.items.length).toBeGreaterThan(0);
  });

  it('writes nothing at all when a record fails, users and products included', async () => {
    const users = await store.users.count();
    const broken = [...records.slice(0, 30).map((r) => ({ ...r, account: { ...r.account, externalId: `${r.account.externalId}-B` } })), records[0]!];
    const differentProducts = portfolio.products.map((p) => ({ ...p, sku: `${p.sku}-B` }));
    await expect(bulkLoadPortfolio(store.connection, {
      users: [...portfolio.users, { email: 'new.person@example.com', name: 'New', role: 'rep' }], passwordHash: 'x',
      products: differentProducts, records: broken, chunkSize: 10,
    })).rejects.toThrow(/duplicate key|unique/i);
    expect(await countPortfolio(store.connection.db)).toMatchObject({ accounts: 60, products: portfolio.products.length });
    expect(await store.users.count()).toBe(users);
  });

  it('empties the portfolio first on reset, keeping the users, and starts the ids again', async () => {
    const users = await store.users.list();
    const counts = await load({ reset: true, records: records.slice(0, 10) });
    expect(counts.users).toBe(0);
    expect(counts.accounts).toBe(10);
    expect(await countPortfolio(store.connection.db)).toMatchObject({ accounts: 10, products: portfolio.products.length });
    const ids = await rows(sql<{ id: number }>`select id from accounts order by id`);
    expect(ids.map((r) => Number(r.id))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(await store.users.list()).toEqual(users);
  });

  it('keeps quotes, commas, line breaks, backslashes and empty strings verbatim', async () => {
    const tricky = 'Dupont "& Fils", Lyon\nline two \\ back\\slash';
    const template = records.find((r) => r.orders.length > 0 && r.contacts.length > 0)!;
    const record: PortfolioAccountRecord = {
      ...template,
      account: { ...template.account, externalId: 'TRICKY-1', name: tricky, region: '', tags: ['say "hi"', 'back\\slash', '{braces}'], customFields: { note: tricky } },
      contacts: [{ ...template.contacts[0]!, externalId: 'TRICKY-1-C1', lastName: tricky, jobTitle: '' }],
      orders: [{ ...template.orders[0]!, number: 'TRICKY-SO-1', lines: template.orders[0]!.lines.map((l) => ({ ...l, productSku: null, description: tricky })) }],
      interactions: [],
    };
    await bulkLoadPortfolio(store.connection, { users: [], passwordHash: 'x', products: [], records: [record] });
    const account = (await store.accounts.getByExternalId('TRICKY-1'))!;
    expect(account).toMatchObject({ name: tricky, region: '', tags: record.account.tags, customFields: { note: tricky } });
    const contacts = await store.contacts.list({ accountId: account.id });
    expect(contacts.items.map((c) => [c.lastName, c.jobTitle])).toEqual([[tricky, '']]);
    const order = (await store.orders.getByNumber('TRICKY-SO-1'))!;
    expect(order.lines.every((l) => l.description === tricky && l.productId === null)).toBe(true);
  });
});
