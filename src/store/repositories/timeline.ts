import { sql } from 'kysely';
import type { TimelineKind } from '../../domain/customer-file.js';
import { ClienteleError } from '../../domain/errors.js';
import { formatRate } from '../../domain/exchange-rate.js';
import { cents, formatMoney } from '../../domain/money.js';
import type { TimelineAmount, TimelineEntry, TimelineFacts } from '../../domain/schemas/timeline.js';
import { type Executor, isoRequired } from '../executor.js';
import { isCursorTime } from '../keyset.js';

interface TimelineRow {
  kind: TimelineKind;
  id: number;
  at: Date;
  a: string | null;
  b: string | null;
  amount: string | number | null;
  n: number | string | null;
  flag: boolean | null;
  detail: string | null;
  user_id: number | null;
}

/** An entry as stored: its facts; the service words its title (domain/i18n/timeline-words.ts). */
export type StoredTimelineEntry = Omit<TimelineEntry, 'title' | 'detail'> & { detail: string | null };

/** The currency an order's total is in, when its amount was read. */
const currencyOf = (amount: { currency: string } | undefined) => (amount ? { currency: amount.currency } : {});

function factsOf(row: TimelineRow): TimelineFacts {
  switch (row.kind) {
    case 'interaction': return { interactionType: row.a as TimelineFacts['interactionType'], subject: row.b ?? '' };
    case 'order': return {
      orderNumber: row.a ?? '', orderStatus: row.b as TimelineFacts['orderStatus'],
      total: formatMoney(cents(Number(row.amount))), itemCount: Number(row.n),
    };
    case 'task': return { taskTitle: row.a ?? '', done: row.flag === true };
    case 'status_change': return { fromStatus: row.a as TimelineFacts['fromStatus'], toStatus: row.b as TimelineFacts['toStatus'] };
  }
}

export interface TimelinePage {
  items: StoredTimelineEntry[];
  nextCursor: string | null;
}

function encode(row: TimelineRow): string {
  return Buffer.from(JSON.stringify([row.at.toISOString(), row.kind, row.id])).toString('base64url');
}

function decode(cursor: string): [string, string, number] {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 3 && isCursorTime(value[0]) && typeof value[1] === 'string' && Number.isSafeInteger(value[2])) {
      return value as [string, string, number];
    }
  } catch {
    // fall through
  }
  throw new ClienteleError('bad_request', 'The cursor is not one this API returned; start again without it.', 'cursor');
}

/** The amounts of the orders on a page, each in its own currency and in the organisation's. */
async function orderAmounts(db: Executor, ids: readonly number[], baseCurrency: string | undefined): Promise<Map<number, TimelineAmount>> {
  const found = new Map<number, TimelineAmount>();
  if (ids.length === 0 || !baseCurrency) return found;
  const rows = await db.selectFrom('orders')
    .select(['id', 'total_cents', 'currency', 'base_total_cents', sql<string | null>`exchange_rate::text`.as('rate'), sql<string | null>`rate_day::text`.as('rate_day')])
    .where('id', 'in', ids).execute();
  for (const r of rows) {
    found.set(Number(r.id), {
      total: formatMoney(Number(r.total_cents)), currency: r.currency ?? baseCurrency,
      baseTotal: formatMoney(Number(r.base_total_cents)), baseCurrency,
      exchangeRate: r.rate === null ? null : formatRate(r.rate), rateDate: r.rate_day,
    });
  }
  return found;
}

/**
 * One account's history, newest first: interactions, orders, tasks and status changes merged.
 * Each source is read through its (account_id, time) index and cut at the page size before the
 * merge, so a long history costs no more than a short one.
 */
export function timelineRepository(db: Executor) {
  return {
    /** `currency`, the organisation's, gives each order its `amount` in it. */
    async page(accountId: number, options: { limit: number; cursor?: string; kinds?: TimelineKind[]; currency?: string }): Promise<TimelinePage> {
      const kinds = new Set(options.kinds?.length ? options.kinds : ['interaction', 'order', 'task', 'status_change']);
      const cursor = options.cursor ? decode(options.cursor) : undefined;
      const take = options.limit + 1;
      const after = (timeColumn: string, kind: TimelineKind) =>
        cursor ? sql`and (${sql.ref(timeColumn)}, ${kind}::text, id) < (${cursor[0]}::timestamptz, ${cursor[1]}::text, ${cursor[2]}::bigint)` : sql``;

      // Each source fills the same columns: two texts, a number, a flag and a detail; the
      // facts below name them, and the reader words them (domain/i18n/timeline-words.ts).
      const parts = [];
      if (kinds.has('interaction')) {
        parts.push(sql`(select 'interaction'::text as kind, id, occurred_at as at, type::text as a, subject::text as b,
            null::numeric as amount, null::bigint as n, null::boolean as flag, body as detail, user_id
          from interactions where account_id = ${accountId} ${after('occurred_at', 'interaction')}
          order by occurred_at desc, id desc limit ${take})`);
      }
      if (kinds.has('order')) {
        parts.push(sql`(select 'order'::text as kind, id, ordered_at as at, number::text as a, status::text as b,
            total_cents as amount, item_count::bigint as n, null::boolean as flag, null::text as detail, null::bigint as user_id
          from orders where account_id = ${accountId} ${after('ordered_at', 'order')}
          order by ordered_at desc, id desc limit ${take})`);
      }
      if (kinds.has('task')) {
        parts.push(sql`(select 'task'::text as kind, id, due_at as at, title::text as a, null::text as b,
            null::numeric as amount, null::bigint as n, done as flag, notes as detail, assignee_id as user_id
          from tasks where account_id = ${accountId} ${after('due_at', 'task')}
          order by due_at desc, id desc limit ${take})`);
      }
      if (kinds.has('status_change')) {
        parts.push(sql`(select 'status_change'::text as kind, id, changed_at as at, from_status::text as a, to_status::text as b,
            null::numeric as amount, null::bigint as n, null::boolean as flag, null::text as detail, changed_by as user_id
          from account_status_changes where account_id = ${accountId} ${after('changed_at', 'status_change')}
          order by changed_at desc, id desc limit ${take})`);
      }
      const union = sql.join(parts, sql` union all `);
      const result = await sql<TimelineRow>`select * from (${union}) t order by at desc, kind desc, id desc limit ${take}`.execute(db);
      const rows = result.rows.map((r) => ({ ...r, at: r.at instanceof Date ? r.at : new Date(r.at) }));
      const more = rows.length > options.limit;
      const pageRows = more ? rows.slice(0, options.limit) : rows;
      const last = pageRows[pageRows.length - 1];
      const amounts = await orderAmounts(db, pageRows.filter((r) => r.kind === 'order').map((r) => Number(r.id)), options.currency);
      return {
        items: pageRows.map((r) => ({
          kind: r.kind, id: Number(r.id), at: isoRequired(r.at), detail: r.detail, facts: r.kind === 'order' ? { ...factsOf(r), ...currencyOf(amounts.get(Number(r.id))) } : factsOf(r), userId: r.user_id === null ? null : Number(r.user_id),
          ...(r.kind === 'order' && amounts.has(Number(r.id)) && { amount: amounts.get(Number(r.id))! }),
        })),
        nextCursor: more && last ? encode(last) : null,
      };
    },
  };
}
