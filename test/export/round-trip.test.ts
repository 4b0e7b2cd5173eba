import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { SYSTEM_ACTOR } from '../../src/domain/access.js';
import { createAccount } from '../../src/services/accounts.js';
import { createUser } from '../../src/services/auth.js';
import { contacts } from '../../src/services/contacts.js';
import { loadDemoPortfolio } from '../../src/services/demo/load-demo-portfolio.js';
import { EXPORT_TARGETS, type ExportFormat, type ExportTarget } from '../../src/services/export/export-columns.js';
import { exportTable, type ExportRequest } from '../../src/services/export/run-export.js';
import { runImport } from '../../src/services/import/run-import.js';
import { interactions } from '../../src/services/interactions.js';
import { orders } from '../../src/services/orders.js';
import { products } from '../../src/services/products.js';
import type { Store } from '../../src/store/store.js';
import { tempFolder } from '../support/temp-files.js';
import { ENGINES, openTestStore, type TestStore } from '../support/test-store.js';

const FORMULA = '=HYPERLINK("http://x")';
/** Dependency order: the catalogue and accounts before what names them. */
const IMPORT_ORDER: ExportTarget[] = ['products', 'accounts', 'contacts', 'orders', 'order-lines', 'interactions'];

async function exportTo(store: Store, path: string, request: ExportRequest) {
  return exportTable({ store, actor: SYSTEM_ACTOR }, request, createWriteStream(path));
}

/**
 * Everything an export carries, keyed by natural keys rather than ids, in a stable order: what
 * must come back identical after export and re-import.
 */
async function portfolio(store: Store) {
  const db = store.connection.db;
  const rows = async (query: ReturnType<typeof sql<Record<string, unknown>>>) => (await query.execute(db)).rows;
  const accountKey = sql`coalesce(a.external_id, a.name)`;
  return {
    accounts: await rows(sql`select a.external_id, a.kind, a.name, a.status, a.sector, a.segment, a.size, a.relationship_type, a.country,
        a.region, a.city, a.postal_code, a.website, a.email, a.phone, u.email as owner, a.tags, a.has_interest, a.has_financial_capacity,
        a.custom_fields
      from accounts a left join users u on u.id = a.owner_id order by ${accountKey}`),
    contacts: await rows(sql`select ${accountKey} as account, c.external_id, c.civility, c.first_name, c.last_name, c.job_title, c.email,
        c.phone, c.birth_year, c.preferred_channel, c.do_not_contact
      from contacts c join accounts a on a.id = c.account_id order by c.external_id, c.email, c.last_name`),
    products: await rows(sql`select sku, name, category, list_price_cents from products order by sku`),
    orders: await rows(sql`select o.number, ${accountKey} as account, o.ordered_at, o.channel, o.status, o.total_cents, o.item_count,
        coalesce((select json_agg(json_build_array(l.line_no, p.sku, l.description, l.quantity, l.unit_price_cents, l.discount_bp, l.total_cents)
          order by l.line_no) from order_lines l left join products p on p.id = l.product_id where l.order_id = o.id), '[]') as lines
      from orders o join accounts a on a.id = o.account_id order by o.number`),
    interactions: await rows(sql`select ${accountKey} as account, i.type, i.occurred_at, i.subject, i.direction, i.body, c.email as contact,
        u.email as by_user, i.outcome
      from interactions i join accounts a on a.id = i.account_id left join contacts c on c.id = i.contact_id
        left join users u on u.id = i.user_id
      order by 1, 3, 2, 4`),
  };
}

describe.each(ENGINES)('export and re-import on %s', (engine) => {
  let source: TestStore;
  let files: Awaited<ReturnType<typeof tempFolder>>;
  let original: Awaited<ReturnType<typeof portfolio>>;
  const opened: TestStore[] = [];
  const copies: Partial<Record<ExportFormat, Store>> = {};

  beforeAll(async () => {
    files = await tempFolder('round-trip');
    source = await openTestStore(engine);
    const store = source.store;
    const admin = await createUser(store, { email: 'admin@example.com', name: 'Admin', role: 'admin', password: 'a long enough password' });
    const ctx = { store, actor: { userId: admin.id, role: 'admin' as const } };
    await loadDemoPortfolio(ctx, { accounts: 30, seed: 11, endDate: '2025-06-01T00:00:00.000Z' });

    // Values a spreadsheet would run, text with quotes, separators and line breaks, an account
    // without an external id (linked back by its name), an order without lines, milliseconds.
    const odd = await createAccount(ctx, {
      name: FORMULA, externalId: '+ODD-1', phone: '+33 1 23 45 67 89', city: '@Lyon', tags: ['-1', 'vip'], sector: '-sector',
      segment: "'=quoted", customFields: { employees: 12, source: '=cmd|calc', nested: { a: [1, 'b'] } }, hasInterest: true,
      ownerId: admin.id,
    });
    const nameOnly = await createAccount(ctx, { name: 'Nameonly "Quotes", Ltd; & Co', country: 'FR', region: 'Line one\nline two' });
    await contacts.create(ctx, { accountId: odd.id, lastName: '-Minus', firstName: '@At', email: 'odd@example.com', externalId: 'ODD-C1' });
    await contacts.create(ctx, { accountId: nameOnly.id, lastName: 'Sans-Id', email: 'sans.id@nameonly.example' });
    const widget = await products.create(ctx, { sku: '=SKU-1', name: '+Widget', category: '@tools', listPrice: '-0.50' });
    await orders.create(ctx, {
      accountId: odd.id, number: 'ODD-0001', orderedAt: '2025-01-02T03:04:05.678Z', channel: 'web', status: 'shipped',
      lines: [{ productId: widget.id, quantity: 3, unitPrice: '19.99', discountPercent: 12.5 }, { description: '=free text line', quantity: -1, unitPrice: '5.00' }],
    });
    await orders.create(ctx, { accountId: nameOnly.id, number: 'NO-LINES-1', orderedAt: '2024-12-31T23:59:59.999Z', total: '1234.56', itemCount: 7, status: 'invoiced' });
    await interactions.create(ctx, {
      accountId: odd.id, type: 'call', subject: FORMULA, body: 'He said "yes",\nthen: =1+1', occurredAt: '2025-02-03T04:05:06.789Z',
      direction: 'outbound', outcome: '-', userId: admin.id,
    });
    original = await portfolio(store);
  });

  afterAll(async () => {
    await source?.dispose();
    for (const store of opened) await store.dispose();
    await files?.remove();
  });

  /** A fresh store with the same users, into which every export is imported in dependency order. */
  async function reimport(format: ExportFormat): Promise<Store> {
    const fresh = await openTestStore(engine);
    opened.push(fresh);
    for (const user of await source.store.users.list()) {
      await createUser(fresh.store, { email: user.email, name: user.name, role: user.role, password: 'a long enough password' });
    }
    for (const target of IMPORT_ORDER) {
      const path = files.path(`${target}.${format}`);
      await exportTo(source.store, path, { target, format });
      const report = await runImport(fresh.store, { target, path, actor: SYSTEM_ACTOR });
      expect({ target, fatal: report.fatal, problems: report.problems, unmatched: report.mapping.unmatched, status: report.status })
        .toEqual({ target, fatal: [], problems: [], unmatched: [], status: 'committed' });
    }
    return fresh.store;
  }

  it('has a demo portfolio with every kind of record to carry', () => {
    for (const [table, rows] of Object.entries(original)) expect(rows.length, table).toBeGreaterThan(10);
  });

  it.each(['csv', 'xlsx'] as const)('re-imports its %s exports into a fresh store identical on every exported field', async (format) => {
    const copy = await reimport(format);
    copies[format] = copy;
    const copied = await portfolio(copy);
    for (const table of Object.keys(original) as (keyof typeof original)[]) expect(copied[table], table).toEqual(original[table]);
  });

  it('guards formula cells with an apostrophe in CSV and imports them back unchanged', async () => {
    const csv = await readFile(files.path('accounts.csv'), 'utf8');
    expect(csv).toContain('"\'=HYPERLINK(""http://x"")"');
    expect(csv).toContain("'+33 1 23 45 67 89");
    expect(csv).toContain(",'@Lyon,");
    expect(csv).not.toMatch(/(^|,)"?[=+@-]/m);
    const copy = await reimport('csv');
    const account = await copy.accounts.getByExternalId('+ODD-1');
    expect(account).toMatchObject({ name: FORMULA, phone: '+33 1 23 45 67 89', city: '@Lyon', sector: '-sector', segment: "'=quoted", tags: ['-1', 'vip'] });
  });

  it('writes formula-like text in XLSX as plain strings, never formulas', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(files.path('accounts.xlsx'));
    const sheet = workbook.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const nameColumn = header.indexOf('name') + 1;
    const cells: ExcelJS.Cell[] = [];
    sheet.eachRow((row) => cells.push(row.getCell(nameColumn)));
    const formula = cells.find((cell) => cell.value === FORMULA);
    expect(formula?.type).toBe(ExcelJS.ValueType.String);
    expect(formula?.formula).toBeUndefined();
  });

  it('re-imports its exports into the store they came from as unchanged, in either format', async () => {
    for (const format of ['csv', 'xlsx'] as const) {
      for (const target of IMPORT_ORDER) {
        const path = files.path(`same-${target}.${format}`);
        const { rows } = await exportTo(source.store, path, { target, format });
        const report = await runImport(source.store, { target, path, actor: SYSTEM_ACTOR });
        expect({ format, target, problems: report.problems, status: report.status, inserted: report.inserted, updated: report.updated })
          .toEqual({ format, target, problems: [], status: 'committed', inserted: 0, updated: 0 });
        // Order lines count orders, not lines.
        if (target !== 'order-lines') expect(report.unchanged, target).toBe(rows);
      }
    }
    expect(await portfolio(source.store)).toEqual(original);
  });

  it('exports every target with the column names the import reads, and nothing else', async () => {
    for (const target of EXPORT_TARGETS) {
      const path = files.path(`columns-${target}.csv`);
      await exportTo(source.store, path, { target, format: 'csv', bom: true });
      const text = await readFile(path, 'utf8');
      expect(text.startsWith('\uFEFF'), target).toBe(true);
      const report = await runImport(source.store, { target, path, actor: SYSTEM_ACTOR, dryRun: true });
      expect(report.mapping.unmatched, target).toEqual([]);
      expect(Object.entries(report.mapping.columns).every(([header, field]) => header === field), target).toBe(true);
    }
  });
});
