// Writes a whole portfolio (users, products, accounts with their contacts, orders, interactions,
// tasks and status history) with COPY, in one transaction, search texts included. Records refer to each other by natural
// keys; after each table is copied its new ids are read back by those keys, because COPY cannot
// set the `generated always` ids itself.
import { sql } from 'kysely';
import type { PortfolioAccountRecord, PortfolioProduct, PortfolioUser } from '../domain/portfolio-records.js';
import type { Connection, CopySession } from './connection.js';
import { batchRows, csvRow, pgTextArray } from './csv-rows.js';
import type { Executor } from './executor.js';
import { refreshContactsSearchText } from './imports/search-text.js';
import { accountSearchText } from './repositories/accounts.js';

export interface PortfolioLoad {
  users: readonly PortfolioUser[];
  /** Password hash given to the users the load creates; users that already exist are left as they are. */
  passwordHash: string;
  products: readonly PortfolioProduct[];
  records: Iterable<PortfolioAccountRecord> | AsyncIterable<PortfolioAccountRecord>;
  /** Empties the portfolio tables (accounts and all that hangs off them, products) first, in the same transaction. */
  reset?: boolean;
  /** Accounts written per round of COPYs. */
  chunkSize?: number;
  onProgress?: (progress: LoadProgress) => void;
}

export interface LoadProgress {
  accounts: number;
  rows: number;
}

export interface LoadCounts {
  users: number;
  products: number;
  accounts: number;
  statusChanges: number;
  contacts: number;
  orders: number;
  orderLines: number;
  interactions: number;
  tasks: number;
}

const PORTFOLIO_TABLES = [
  'order_lines', 'orders', 'tasks', 'interactions', 'contacts', 'account_status_changes', 'accounts', 'products',
] as const;

/** Also emptied by a reset: traces of merged and dismissed pairs would point at ids given anew. */
const RESET_TABLES = [...PORTFOLIO_TABLES, 'merged_records', 'dismissed_duplicates'];

/** How many accounts, products and orders the store holds: whether a portfolio is already there. */
export async function countPortfolio(db: Executor): Promise<{ accounts: number; products: number; orders: number }> {
  const count = async (table: 'accounts' | 'products' | 'orders') =>
    Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return { accounts: await count('accounts'), products: await count('products'), orders: await count('orders') };
}

const ACCOUNT_COLUMNS = [
  'external_id', 'kind', 'name', 'status', 'status_changed_at', 'sector', 'segment', 'size', 'relationship_type', 'country',
  'region', 'city', 'postal_code', 'website', 'email', 'phone', 'owner_id', 'tags', 'has_interest', 'has_financial_capacity',
  'custom_fields', 'search_text', 'created_at', 'updated_at',
];
const STATUS_CHANGE_COLUMNS = ['account_id', 'from_status', 'to_status', 'changed_at', 'changed_by'];
const CONTACT_COLUMNS = [
  'account_id', 'external_id', 'civility', 'first_name', 'last_name', 'job_title', 'email', 'phone', 'birth_year',
  'preferred_channel', 'consent', 'do_not_contact', 'created_at', 'updated_at',
];
const ORDER_COLUMNS = ['account_id', 'number', 'ordered_at', 'channel', 'status', 'total_cents', 'item_count', 'created_at', 'updated_at'];
const LINE_COLUMNS = ['order_id', 'line_no', 'product_id', 'description', 'quantity', 'unit_price_cents', 'discount_bp', 'total_cents'];
const INTERACTION_COLUMNS = [
  'account_id', 'contact_id', 'type', 'direction', 'subject', 'body', 'occurred_at', 'user_id', 'outcome', 'created_at', 'updated_at',
];
const TASK_COLUMNS = ['account_id', 'assignee_id', 'title', 'notes', 'due_at', 'remind_at', 'done', 'done_at', 'created_at', 'updated_at'];

function lookup<K>(map: ReadonlyMap<K, number>, key: K, what: string): number {
  const id = map.get(key);
  if (id === undefined) throw new Error(`The portfolio refers to ${what} ${String(key)}, which it does not contain.`);
  return id;
}

const optional = <K>(map: ReadonlyMap<K, number>, key: K | null, what: string) => (key === null ? null : lookup(map, key, what));

async function accountIdsOf(db: Executor, externalIds: readonly string[]) {
  const result = await sql<{ id: number; key: string }>`select id, external_id as key from accounts where external_id = any(${sql.val(externalIds)}::text[])`.execute(db);
  return new Map(result.rows.map((row) => [row.key, Number(row.id)]));
}

async function contactIdsOf(db: Executor, accountIds: readonly number[]) {
  const result = await sql<{ id: number; key: string }>`select id, external_id as key from contacts where account_id = any(${sql.val(accountIds)}::bigint[])`.execute(db);
  return new Map(result.rows.map((row) => [row.key, Number(row.id)]));
}

async function orderIdsOf(db: Executor, accountIds: readonly number[]) {
  const result = await sql<{ id: number; key: string }>`select id, number as key from orders where account_id = any(${sql.val(accountIds)}::bigint[])`.execute(db);
  return new Map(result.rows.map((row) => [row.key, Number(row.id)]));
}

async function loadUsers(db: Executor, users: readonly PortfolioUser[], passwordHash: string): Promise<Map<string, number>> {
  const existing = await db.selectFrom('users').select(['id', 'email']).execute();
  const ids = new Map(existing.map((u) => [u.email.toLowerCase(), u.id]));
  const missing = users.filter((u) => !ids.has(u.email.toLowerCase()));
  if (missing.length) {
    const inserted = await db.insertInto('users')
      .values(missing.map((u) => ({ email: u.email, name: u.name, role: u.role, password_hash: passwordHash })))
      .returning(['id', 'email']).execute();
    for (const u of inserted) ids.set(u.email.toLowerCase(), u.id);
  }
  return ids;
}

async function loadChunk(session: CopySession, chunk: readonly PortfolioAccountRecord[], users: ReadonlyMap<string, number>, products: ReadonlyMap<string, number>, counts: LoadCounts): Promise<number> {
  const { db, copyCsv } = session;
  const user = (email: string | null) => optional(users, email?.toLowerCase() ?? null, 'user');
  let rows = 0;
  const copy = async (table: string, columns: string[], lines: Iterable<string>) => {
    let n = 0;
    const counted = function* () {
      for (const line of lines) {
        n++;
        yield line;
      }
    };
    await copyCsv(table, columns, batchRows(counted()));
    rows += n;
    return n;
  };

  counts.accounts += await copy('accounts', ACCOUNT_COLUMNS, chunk.map(({ account: a }) => csvRow([
    a.externalId, a.kind, a.name, a.status, a.statusChangedAt, a.sector, a.segment, a.size, a.relationshipType, a.country,
    a.region, a.city, a.postalCode, a.website, a.email, a.phone, user(a.ownerEmail), pgTextArray(a.tags), a.hasInterest,
    a.hasFinancialCapacity, JSON.stringify(a.customFields),
    accountSearchText({ name: a.name, external_id: a.externalId, email: a.email, phone: a.phone, website: a.website, city: a.city }),
    a.createdAt, a.updatedAt,
  ])));
  const accountIds = await accountIdsOf(db, chunk.map((r) => r.account.externalId));
  const accountId = (record: PortfolioAccountRecord) => lookup(accountIds, record.account.externalId, 'account');

  counts.statusChanges += await copy('account_status_changes', STATUS_CHANGE_COLUMNS, chunk.flatMap((record) => record.statusChanges.map((s) =>
    csvRow([accountId(record), s.fromStatus, s.toStatus, s.changedAt, user(s.changedByEmail)]))));

  counts.contacts += await copy('contacts', CONTACT_COLUMNS, chunk.flatMap((record) => record.contacts.map((c) => csvRow([
    accountId(record), c.externalId, c.civility, c.firstName, c.lastName, c.jobTitle, c.email, c.phone, c.birthYear,
    c.preferredChannel, JSON.stringify(c.consent), c.doNotContact, c.createdAt, c.createdAt,
  ]))));
  const ids = [...accountIds.values()];
  // The contacts' part of the search text, built the way every other writer builds it.
  await refreshContactsSearchText(db, ids);
  const contactIds = chunk.some((r) => r.interactions.some((i) => i.contactExternalId !== null))
    ? await contactIdsOf(db, ids)
    : new Map<string, number>();

  counts.orders += await copy('orders', ORDER_COLUMNS, chunk.flatMap((record) => record.orders.map((o) => csvRow([
    accountId(record), o.number, o.orderedAt, o.channel, o.status, o.totalCents, o.itemCount, o.orderedAt, o.orderedAt,
  ]))));
  const orderIds = await orderIdsOf(db, ids);
  counts.orderLines += await copy('order_lines', LINE_COLUMNS, chunk.flatMap((record) => record.orders.flatMap((o) => {
    const orderId = lookup(orderIds, o.number, 'order');
    return o.lines.map((l) => csvRow([
      orderId, l.lineNo, optional(products, l.productSku, 'product'), l.description, l.quantity, l.unitPriceCents, l.discountBasisPoints, l.totalCents,
    ]));
  })));

  counts.interactions += await copy('interactions', INTERACTION_COLUMNS, chunk.flatMap((record) => record.interactions.map((i) => csvRow([
    accountId(record), optional(contactIds, i.contactExternalId, 'contact'), i.type, i.direction, i.subject, i.body, i.occurredAt,
    user(i.userEmail), i.outcome, i.occurredAt, i.occurredAt,
  ]))));

  counts.tasks += await copy('tasks', TASK_COLUMNS, chunk.flatMap((record) => record.tasks.map((t) => csvRow([
    accountId(record), user(t.assigneeEmail), t.title, t.notes, t.dueAt, t.remindAt, t.done, t.doneAt, t.createdAt, t.doneAt ?? t.createdAt,
  ]))));
  return rows;
}

/** Merges the pending entries of the accounts' GIN indexes (search text, tags) into the indexes. */
export async function mergeGinPendingLists(db: Executor): Promise<void> {
  await sql`select gin_clean_pending_list('accounts_search_idx'::regclass), gin_clean_pending_list('accounts_tags_idx'::regclass)`.execute(db);
}

export async function bulkLoadPortfolio(connection: Connection, load: PortfolioLoad): Promise<LoadCounts> {
  const chunkSize = load.chunkSize ?? 500;
  return connection.copyTransaction(async (session) => {
    const { db } = session;
    // Cascade: whatever later features keep about accounts or products goes with them.
    if (load.reset) await sql`truncate table ${sql.join(RESET_TABLES.map((t) => sql.table(t)))} restart identity cascade`.execute(db);
    const counts: LoadCounts = { users: 0, products: 0, accounts: 0, statusChanges: 0, contacts: 0, orders: 0, orderLines: 0, interactions: 0, tasks: 0 };

    const usersBefore = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const users = await loadUsers(db, load.users, load.passwordHash);
    counts.users = users.size - Number(usersBefore.n);

    const products = new Map<string, number>();
    if (load.products.length) {
      const inserted = await db.insertInto('products')
        .values(load.products.map((p) => ({ sku: p.sku, name: p.name, category: p.category, list_price_cents: p.listPriceCents, active: p.active })))
        .returning(['id', 'sku']).execute();
      for (const p of inserted) products.set(p.sku, p.id);
      counts.products = inserted.length;
    }

    let rows = counts.users + counts.products;
    let chunk: PortfolioAccountRecord[] = [];
    const flush = async () => {
      if (!chunk.length) return;
      rows += await loadChunk(session, chunk, users, products, counts);
      chunk = [];
      load.onProgress?.({ accounts: counts.accounts, rows });
    };
    for await (const record of load.records) {
      chunk.push(record);
      if (chunk.length >= chunkSize) await flush();
    }
    await flush();
    // Fresh statistics, or the planner guesses from empty tables until autovacuum catches up.
    await sql`analyze ${sql.join(PORTFOLIO_TABLES.map((t) => sql.table(t)))}`.execute(db);
    // And the search indexes' pending entries merged, or every search reads them all (0019).
    await mergeGinPendingLists(db);
    return counts;
  });
}
