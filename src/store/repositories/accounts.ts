import { type RawBuilder, sql, type Selectable } from 'kysely';
import type { AccountScope } from '../../domain/access.js';
import type { AccountStatus } from '../../domain/customer-file.js';
import type { Account, AccountCreate, AccountListQuery, AccountPatch } from '../../domain/schemas/account.js';
import { phoneDigitsOfQuery } from '../../domain/phone-numbers.js';
import { normalizeForSearch, searchTextOf } from '../../domain/search-text.js';
import type { AccountsTable } from '../schema.js';
import { type ColumnMap, insertRow, toColumns } from './scoped.js';
import { type Executor, isoRequired } from '../executor.js';
import { afterCursor, containsPattern, decodeCursor, type Page, parseSort, toPage } from '../keyset.js';
import { ACCOUNT_STATUSES } from '../../domain/customer-file.js';
import { cents, formatMoney, parseMoney } from '../../domain/money.js';
import { BUYING_NOW_FILTER } from '../../domain/figures.js';
import { isBuyingNow } from './analysis-runs.js';

type Row = Selectable<AccountsTable>;

/** The account's own part of its search text; imports compute the same for staged rows. */
export function accountSearchText(a: { name: string; external_id: string | null; email: string | null; phone: string | null; website: string | null; city: string | null }): string {
  return searchTextOf([a.name, a.external_id, a.email, a.website, a.city], [a.phone]);
}

const SORT_COLUMNS = { name: 'name', createdAt: 'created_at', updatedAt: 'updated_at', revenue: 'revenue_cents', value: 'value_cents', clv: 'clv_cents' };
/**
 * Sorts on a figure of the latest analysis run: the cursor's column name and the run's figure.
 * The value is the revenue the account's value class ranks on (abc.ts): the period's, or for an
 * inactive account ranked among the inactive ones, its last active year's.
 */
const CLASS_SORTS: Record<string, RawBuilder<unknown>> = {
  revenue_cents: sql`c.period_revenue_cents`, clv_cents: sql`c.clv_cents`, value_cents: sql`c.value_cents`,
};
/** Up to this many matches, a search sorts all its matches; past it, it walks the sort's index. */
export const SEARCH_SORT_CAP = 2000;

export function toAccount(row: Row): Account {
  return {
    id: row.id,
    externalId: row.external_id,
    kind: row.kind,
    name: row.name,
    status: row.status,
    sector: row.sector,
    segment: row.segment,
    size: row.size,
    relationshipType: row.relationship_type,
    country: row.country as Account['country'],
    region: row.region,
    city: row.city,
    postalCode: row.postal_code,
    website: row.website,
    email: row.email,
    phone: row.phone,
    ownerId: row.owner_id,
    tags: row.tags,
    hasInterest: row.has_interest,
    hasFinancialCapacity: row.has_financial_capacity,
    customerSince: row.customer_since,
    customFields: row.custom_fields,
    statusChangedAt: isoRequired(row.status_changed_at),
    createdAt: isoRequired(row.created_at),
    updatedAt: isoRequired(row.updated_at),
  };
}

const COLUMNS: ColumnMap<'accounts', AccountPatch> = {
  externalId: 'external_id', kind: 'kind', name: 'name', status: 'status', sector: 'sector', segment: 'segment',
  size: 'size', relationshipType: 'relationship_type', country: 'country', region: 'region', city: 'city',
  postalCode: 'postal_code', website: 'website', email: 'email', phone: 'phone', ownerId: 'owner_id', tags: 'tags',
  hasInterest: 'has_interest', hasFinancialCapacity: 'has_financial_capacity', customerSince: 'customer_since',
};

function columns(input: AccountPatch) {
  const out = toColumns('accounts', input, COLUMNS);
  if (input.customFields !== undefined) out.custom_fields = JSON.stringify(input.customFields);
  return out;
}

export function accountsRepository(db: Executor) {
  /** Each account of a page with its classes in the latest analysis run (null before the first run or for newer accounts). */
  async function withClasses(page: Page<Account>): Promise<Page<Account>> {
    if (!page.items.length) return page;
    const rows = await db.selectFrom('account_classes as c').innerJoin('analysis_runs as r', 'r.id', 'c.run_id')
      .select(['c.account_id', 'r.as_of', 'c.status', 'c.abc', 'c.rfm_segment', 'c.volume_tier', 'c.frequency', 'c.period_revenue_cents', 'c.churn_signals', 'c.clv_cents', 'c.p_alive',
        sql<string | null>`${CLASS_SORTS.value_cents}`.as('value_cents')])
      .where('c.run_id', '=', sql<number>`(select max(id) from analysis_runs)`)
      .where('c.account_id', 'in', page.items.map((a) => a.id)).execute();
    const byId = new Map(rows.map((r) => [Number(r.account_id), r]));
    return {
      ...page,
      items: page.items.map((account) => {
        const r = byId.get(account.id);
        return {
          ...account,
          classes: r ? {
            asOf: r.as_of, status: r.status, abc: r.abc, rfm: r.rfm_segment, volumeTier: r.volume_tier, frequency: r.frequency,
            revenue: formatMoney(cents(Number(r.period_revenue_cents))), value: formatMoney(cents(Number(r.value_cents ?? r.period_revenue_cents))),
            churnSignals: r.churn_signals,
            clv: r.clv_cents === null ? null : formatMoney(cents(Number(r.clv_cents))), pAlive: r.p_alive,
          } as Account['classes'] : null,
        };
      }),
    };
  }

  const scoped = (scope: AccountScope) => {
    let query = db.selectFrom('accounts');
    if (scope.ownerId !== undefined) query = query.where('accounts.owner_id', '=', scope.ownerId);
    return query;
  };

  /** The accounts a list query's filters and search select, in scope, before sorting and paging. */
  function filtered(query: AccountListQuery, scope: AccountScope) {
    let q = scoped(scope);
    // Class filters and sorts read the latest analysis run; with no run, no account has a class.
    const latestRun = sql`(select max(id) from analysis_runs)`;
    const figureOf = (figure: RawBuilder<unknown>) =>
      sql`(select ${figure} from account_classes c where c.run_id = ${latestRun} and c.account_id = accounts.id)`;
    // A class filter is a semi-join on the run's rows, so the planner can start from either
    // side; as a test of each account's own row it read every account (hot-query-plans.test.ts).
    const hasClass = (condition: RawBuilder<unknown>) =>
      sql<boolean>`accounts.id in (select c.account_id from account_classes c where c.run_id = ${latestRun} and ${condition})`;
    const classIs = (column: string, value: unknown) => hasClass(sql`${sql.ref(`c.${column}`)} = ${value}`);
    if (query.status && (ACCOUNT_STATUSES as readonly string[]).includes(query.status)) q = q.where('status', '=', query.status as AccountStatus);
    else if (query.status === BUYING_NOW_FILTER) q = q.where(hasClass(isBuyingNow(sql.ref('c.status'))));
    else if (query.status) q = q.where(classIs('status', query.status));
    if (query.abc) q = q.where(classIs('abc', query.abc));
    // Ranked on the period when it had revenue there; a ranked account without is a quiet one.
    if (query.ranking) q = q.where(hasClass(sql`c.abc <> 'none' and c.period_revenue_cents ${sql.raw(query.ranking === 'period' ? '>' : '=')} 0`));
    if (query.rfm) q = q.where(classIs('rfm_segment', query.rfm));
    if (query.tier) q = q.where(classIs('volume_tier', query.tier));
    if (query.frequency) q = q.where(classIs('frequency', query.frequency));
    // Without churn signals: no row in the run, or a row with none.
    const churning = hasClass(sql`cardinality(c.churn_signals) > 0`);
    if (query.churn !== undefined) q = q.where(query.churn ? churning : sql<boolean>`not ${churning}`);
    if (query.clvMin !== undefined) q = q.where(hasClass(sql`c.clv_cents >= ${parseMoney(query.clvMin)}`));
    if (query.clvMax !== undefined) q = q.where(hasClass(sql`c.clv_cents <= ${parseMoney(query.clvMax)}`));
    if (query.pAliveMin !== undefined) q = q.where(hasClass(sql`c.p_alive >= ${query.pAliveMin}`));
    if (query.pAliveMax !== undefined) q = q.where(hasClass(sql`c.p_alive <= ${query.pAliveMax}`));
    if (query.ownerId) q = q.where('owner_id', '=', query.ownerId);
    if (query.segment) q = q.where('segment', '=', query.segment);
    if (query.sector) q = q.where('sector', '=', query.sector);
    if (query.country) q = q.where('country', '=', query.country);
    if (query.size) q = q.where('size', '=', query.size);
    if (query.relationshipType) q = q.where('relationship_type', '=', query.relationshipType);
    const tags = query.tags?.split(',').map((t) => t.trim()).filter(Boolean) ?? [];
    if (tags.length) q = q.where(sql<boolean>`tags @> ${sql.val(tags)}::text[]`);
    if (query.createdFrom) q = q.where('created_at', '>=', new Date(query.createdFrom));
    if (query.createdTo) q = q.where('created_at', '<', new Date(query.createdTo));
    if (query.updatedFrom) q = q.where('updated_at', '>=', new Date(query.updatedFrom));
    if (query.updatedTo) q = q.where('updated_at', '<', new Date(query.updatedTo));
    const term = query.q ? normalizeForSearch(query.q) : '';
    // A phone number is also looked for as bare digits, however the search spaced it.
    const digits = phoneDigitsOfQuery(term);
    if (term) {
      q = q.where((eb) => eb.or([term, ...(digits ? [digits] : [])].map((text) =>
        sql<boolean>`(search_text || ' | ' || contacts_search_text) like ${containsPattern(text)}`)));
    }
    return { q, figureOf, term };
  }

  return {
    async get(id: number, scope: AccountScope = {}): Promise<Account | undefined> {
      const row = await scoped(scope).selectAll().where('id', '=', id).executeTakeFirst();
      return row && toAccount(row);
    },

    async getByExternalId(externalId: string): Promise<Account | undefined> {
      const row = await db.selectFrom('accounts').selectAll().where('external_id', '=', externalId).executeTakeFirst();
      return row && toAccount(row);
    },

    async isVisible(id: number, scope: AccountScope): Promise<boolean> {
      const row = await scoped(scope).select('id').where('id', '=', id).executeTakeFirst();
      return !!row;
    },

    async list(query: AccountListQuery, scope: AccountScope = {}): Promise<Page<Account>> {
      const limit = query.limit ?? 50;
      const sort = parseSort(query.sort, SORT_COLUMNS, 'name');
      const selected = filtered(query, scope);
      const { figureOf, term } = selected;
      let { q } = selected;
      const classSort = CLASS_SORTS[sort.column];
      if (classSort) {
        // Accounts without the figure sort as -1, below every real amount.
        const key = sql<number>`coalesce(${figureOf(classSort)}, -1)`;
        if (query.cursor) {
          const [value, id] = decodeCursor(query.cursor, sort.column);
          q = q.where(sql<boolean>`(${key}, accounts.id) ${sql.raw(sort.direction === 'asc' ? '>' : '<')} (${value}, ${id})`);
        }
        const rows = await q.selectAll().select(key.as(sort.column)).orderBy(key, sort.direction).orderBy('id', sort.direction).limit(limit + 1).execute();
        return withClasses(toPage(rows.map((r) => ({ ...r, [sort.column]: Number(r[sort.column as keyof typeof r]) })), limit, sort, toAccount));
      }
      if (query.cursor) {
        const cursor = query.cursor;
        q = q.where((eb) => afterCursor(eb, 'accounts', sort, cursor));
      }
      if (term) {
        // Left to itself, the planner walks the sort column's index and tests each account
        // against the term until a page is full: fast for a term many accounts match, but the
        // thousand names starting with "Sterli" sit far down that walk (300 ms among 100,000
        // accounts). So up to SEARCH_SORT_CAP matches are gathered first, through the search
        // index when the term is rare, and sorted. Only a term with more matches takes the
        // walk, where they are dense enough to fill a page soon (unless all sort last).
        const matched = await db.with((cte) => cte('matched').materialized(), () => q.selectAll().limit(SEARCH_SORT_CAP + 1))
          .selectFrom('matched').selectAll().select(sql<string>`(select count(*) from matched)`.as('matched_count'))
          .orderBy(sql.ref(sort.column), sort.direction).orderBy('id', sort.direction).limit(limit + 1)
          .execute();
        if (Number(matched[0]?.matched_count ?? 0) <= SEARCH_SORT_CAP) {
          return withClasses(toPage(matched.map(({ matched_count: _, ...row }) => row), limit, sort, toAccount));
        }
      }
      const rows = await q
        .selectAll()
        .orderBy(sql.ref(sort.column), sort.direction)
        .orderBy('id', sort.direction)
        .limit(limit + 1)
        .execute();
      return withClasses(toPage(rows, limit, sort, toAccount));
    },

    /** How many accounts the list's filters and search select, in scope: every page together. */
    async count(query: AccountListQuery, scope: AccountScope = {}): Promise<number> {
      const { q } = filtered(query, scope);
      const row = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      return Number(row.n);
    },

    async insert(input: AccountCreate, at: Date = new Date()): Promise<Account> {
      const row = await db.insertInto('accounts')
        .values(insertRow('accounts', {
          kind: 'company',
          status: 'prospect',
          ...columns(input),
          name: input.name,
          status_changed_at: at,
        }))
        .returningAll()
        .executeTakeFirstOrThrow();
      return toAccount(row);
    },

    async update(id: number, patch: AccountPatch, at: Date = new Date()): Promise<Account | undefined> {
      const statusChangedAt = patch.status ? { status_changed_at: sql<Date>`case when status = ${patch.status} then status_changed_at else ${at} end` } : {};
      const row = await db.updateTable('accounts').set({ ...columns(patch), ...statusChangedAt, updated_at: at }).where('id', '=', id).returningAll().executeTakeFirst();
      return row && toAccount(row);
    },

    async delete(id: number): Promise<boolean> {
      const result = await db.deleteFrom('accounts').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },

    async countOrders(id: number): Promise<number> {
      const row = await db.selectFrom('orders').select((eb) => eb.fn.countAll<number>().as('n')).where('account_id', '=', id).executeTakeFirstOrThrow();
      return Number(row.n);
    },

    async recordStatusChange(accountId: number, from: AccountStatus | null, to: AccountStatus, by: number | null, at: Date = new Date()) {
      await db.insertInto('account_status_changes')
        .values({ account_id: accountId, from_status: from, to_status: to, changed_at: at, changed_by: by })
        .execute();
    },

    /** Rebuilds the search text from the account and its contacts; called after either changes. */
    async refreshSearchText(accountId: number): Promise<void> {
      const account = await db.selectFrom('accounts').select(['name', 'external_id', 'email', 'phone', 'website', 'city'])
        .where('id', '=', accountId).executeTakeFirst();
      if (!account) return;
      const contacts = await db.selectFrom('contacts').select(['first_name', 'last_name', 'email', 'phone'])
        .where('account_id', '=', accountId).execute();
      await db.updateTable('accounts').set({
        search_text: accountSearchText(account),
        contacts_search_text: searchTextOf(
          contacts.flatMap((c) => [[c.first_name, c.last_name].filter(Boolean).join(' '), c.email]),
          contacts.map((c) => c.phone),
        ),
      }).where('id', '=', accountId).execute();
    },
  };
}

export type AccountsRepository = ReturnType<typeof accountsRepository>;
