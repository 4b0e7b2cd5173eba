import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openPostgres } from '../../src/store/connection.js';
import type { Store } from '../../src/store/store.js';
import { ENGINES, openTestStore } from '../support/test-store.js';
import { addAccount } from '../support/store-records.js';

describe.each(ENGINES)('value types on %s', (engine) => {
  let store: Store;
  let dispose: () => Promise<void>;
  beforeAll(async () => ({ store, dispose } = await openTestStore(engine)));
  afterAll(async () => { await dispose?.(); });

  it('returns int8 ids and counts as numbers, not strings or bigints', async () => {
    const account = await addAccount(store);
    expect(typeof account.id).toBe('number');
    const raw = await store.connection.db.selectFrom('accounts').select(['id', (eb) => eb.fn.countAll().over().as('n')]).where('id', '=', account.id).executeTakeFirstOrThrow();
    expect(raw).toEqual({ id: account.id, n: 1 });
    const { rows } = await sql<{ big: unknown }>`select 9007199254740991::int8 as big`.execute(store.connection.db);
    expect(rows[0]!.big).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('returns dates as plain YYYY-MM-DD strings, free of any time zone', async () => {
    const { rows } = await sql<{ d: unknown }>`select date '2024-02-29' as d`.execute(store.connection.db);
    expect(rows[0]!.d).toBe('2024-02-29');
  });

  it('returns timestamps as Date objects and ISO strings in UTC', async () => {
    const account = await addAccount(store);
    const raw = await store.connection.db.selectFrom('accounts').select('created_at').where('id', '=', account.id).executeTakeFirstOrThrow();
    expect(raw.created_at).toBeInstanceOf(Date);
    expect(account.createdAt).toBe(raw.created_at.toISOString());
    expect(account.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it('reads a timestamp written with a +02:00 offset back as the same instant in UTC', async () => {
    const account = await addAccount(store);
    const interaction = await store.interactions.insert({ accountId: account.id, type: 'call', subject: 'Offset', occurredAt: '2024-03-31T01:30:00+02:00' });
    expect(interaction.occurredAt).toBe('2024-03-30T23:30:00.000Z');
    expect((await store.interactions.get(interaction.id))?.occurredAt).toBe('2024-03-30T23:30:00.000Z');
    const task = await store.tasks.insert({ accountId: account.id, title: 'Offset', dueAt: '2024-07-01T00:15:00.250-05:30' });
    expect(task.dueAt).toBe('2024-07-01T05:45:00.250Z');
    // Filters given with an offset compare instants too.
    const listed = await store.interactions.list({ accountId: account.id, occurredFrom: '2024-03-31T01:29:59+02:00', occurredTo: '2024-03-31T01:30:01+02:00' });
    expect(listed.items.map((i) => i.id)).toEqual([interaction.id]);
  });

  it('keeps milliseconds and drops nothing else of a Date it is given', async () => {
    const account = await addAccount(store);
    const at = new Date('2024-12-31T23:59:59.999Z');
    const updated = await store.accounts.update(account.id, { name: 'Last instant' }, at);
    expect(updated?.updatedAt).toBe('2024-12-31T23:59:59.999Z');
  });

  it('reads timestamps without an offset as UTC, and cuts days at UTC midnight', async () => {
    const { rows } = await sql<{ t: Date; day: string }>`
      select timestamptz '2024-03-01 12:00:00' as t, (timestamptz '2024-03-01 23:30:00+00')::date::text as day`.execute(store.connection.db);
    expect(rows[0]!.t.toISOString()).toBe('2024-03-01T12:00:00.000Z');
    expect(rows[0]!.day).toBe('2024-03-01');
  });

  it.runIf(engine === 'postgres')('keeps UTC for its sessions when the database defaults to another time zone', async () => {
    const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(store.connection.db);
    const name = rows[0]!.name;
    await sql`alter database ${sql.id(name)} set timezone to 'America/New_York'`.execute(store.connection.db);
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = `/${name}`;
    const fresh = await openPostgres(url.toString(), 1);
    try {
      const result = await sql<{ t: Date; day: string }>`
        select timestamptz '2024-03-01 12:00:00' as t, (timestamptz '2024-03-01 23:30:00+00')::date::text as day`.execute(fresh.db);
      expect(result.rows[0]!.t.toISOString()).toBe('2024-03-01T12:00:00.000Z');
      expect(result.rows[0]!.day).toBe('2024-03-01');
    } finally {
      await fresh.close();
      await sql`alter database ${sql.id(name)} reset timezone`.execute(store.connection.db);
    }
  });
});
