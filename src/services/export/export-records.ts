// The records of each export, one at a time, in bounded memory: accounts a page at a time
// through the same list query (filters, search, portfolio scope) as the API, and the records
// of each page of accounts a page at a time after them. Values are keyed by import field name.
import type { Account, AccountListQuery } from '../../domain/schemas/account.js';
import { formatMoney } from '../../domain/money.js';
import type { Store } from '../../store/store.js';
import type { AccountScope } from '../../domain/access.js';
import type { ExportValue } from './cell-text.js';
import type { ExportTarget } from './export-columns.js';

/** The account list's filters, without its paging. */
export type AccountFilters = Omit<AccountListQuery, 'limit' | 'cursor'>;

export type ExportRecord = Record<string, ExportValue>;

const ACCOUNT_PAGE = 1000;
const ROW_PAGE = 5000;

async function* accountPages(store: Store, filters: AccountFilters, scope: AccountScope): AsyncGenerator<Account[]> {
  let cursor: string | undefined;
  do {
    const page = await store.accounts.list({ ...filters, limit: ACCOUNT_PAGE, ...(cursor ? { cursor } : {}) }, scope);
    if (page.items.length) yield page.items;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}

/** Every row `fetch` gives for one page of accounts, fetching after the last row until none is left. */
async function* pagesAfter<R, K>(first: K, fetch: (after: K) => Promise<R[]>, keyOf: (row: R) => K): AsyncGenerator<R> {
  let after = first;
  for (;;) {
    const rows = await fetch(after);
    yield* rows;
    if (rows.length < ROW_PAGE) return;
    after = keyOf(rows[rows.length - 1]!);
  }
}

/** Records link to their account by external id, and by name for accounts that have none. */
const accountRef = (account: Account | undefined) => ({ accountExternalId: account?.externalId ?? null, accountName: account?.name ?? null });

export async function* exportRecords(store: Store, target: ExportTarget, filters: AccountFilters, scope: AccountScope): AsyncGenerator<ExportRecord> {
  const { exports } = store;
  if (target === 'products') {
    for await (const p of pagesAfter(0, (after) => exports.products(after, ROW_PAGE), (row) => row.id)) {
      yield { sku: p.sku, name: p.name, category: p.category, listPrice: formatMoney(p.listPriceCents) };
    }
    return;
  }
  const emails = target === 'accounts' ? await exports.userEmails() : new Map<number, string>();
  for await (const accounts of accountPages(store, filters, scope)) {
    if (target === 'accounts') {
      for (const a of accounts) {
        yield {
          externalId: a.externalId, name: a.name, kind: a.kind, status: a.status, sector: a.sector, segment: a.segment, size: a.size,
          relationshipType: a.relationshipType, country: a.country, region: a.region, city: a.city, postalCode: a.postalCode,
          website: a.website, email: a.email, phone: a.phone, ownerEmail: a.ownerId === null ? null : emails.get(a.ownerId) ?? null,
          tags: a.tags, hasInterest: a.hasInterest, hasFinancialCapacity: a.hasFinancialCapacity, customerSince: a.customerSince, customFields: a.customFields,
        };
      }
      continue;
    }
    const byId = new Map(accounts.map((a) => [a.id, a]));
    const ids = [...byId.keys()];
    if (target === 'contacts') {
      for await (const c of pagesAfter(0, (after) => exports.contacts(ids, after, ROW_PAGE), (row) => row.id)) {
        yield {
          externalId: c.externalId, ...accountRef(byId.get(c.accountId)), civility: c.civility, firstName: c.firstName, lastName: c.lastName,
          jobTitle: c.jobTitle, email: c.email, phone: c.phone, birthYear: c.birthYear, preferredChannel: c.preferredChannel,
          doNotContact: c.doNotContact,
        };
      }
    } else if (target === 'orders') {
      for await (const o of pagesAfter(0, (after) => exports.orders(ids, after, ROW_PAGE), (row) => row.id)) {
        yield {
          number: o.number, ...accountRef(byId.get(o.accountId)), orderedAt: o.orderedAt, channel: o.channel, status: o.status,
          total: formatMoney(o.totalCents), itemCount: o.itemCount, currency: o.currency,
        };
      }
    } else if (target === 'order-lines') {
      const first = { orderId: 0, lineNo: 0 };
      for await (const l of pagesAfter(first, (after) => exports.orderLines(ids, after, ROW_PAGE), (row) => ({ orderId: row.orderId, lineNo: row.lineNo }))) {
        yield {
          orderNumber: l.orderNumber, ...accountRef(byId.get(l.accountId)), orderedAt: l.orderedAt, sku: l.sku, description: l.description,
          quantity: l.quantity, unitPrice: l.unitPriceExact ?? formatMoney(l.unitPriceCents),
          // Basis points as a percentage with two decimals at most, exactly: 1250 → "12.50".
          discountPercent: formatMoney(l.discountBasisPoints), currency: l.currency,
        };
      }
    } else {
      for await (const i of pagesAfter(0, (after) => exports.interactions(ids, after, ROW_PAGE), (row) => row.id)) {
        yield {
          ...accountRef(byId.get(i.accountId)), contactEmail: i.contactEmail, type: i.type, direction: i.direction, subject: i.subject,
          body: i.body, occurredAt: i.occurredAt, userEmail: i.userEmail, outcome: i.outcome,
        };
      }
    }
  }
}
