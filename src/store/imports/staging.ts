// How each import target's records are laid out in its staging table, and the table itself.
import { sql } from 'kysely';
import { formatUnitPrice, parseMoney, parseUnitPrice, preciseLineTotal, unitPriceCents } from '../../domain/money.js';
import { accountSearchText } from '../repositories/accounts.js';
import type { ImportTarget, Place } from '../../import/targets.js';
import type { Engine } from '../connection.js';
import type { Executor } from '../executor.js';
import { csvField } from '../csv-encode.js';

/**
 * A server's memory is its own: there 32 MB, not the default 4 MB, keeps the merge's sorts and
 * hashes off disk. PGlite's memory is the importing process's, and a WebAssembly memory never
 * shrinks, so what the hashes take stays with the process (the web server, when it runs the
 * import) until it exits. There the default stays: 32 MB grew it by 200 MB for good, 8 MB by
 * 82 MB, 4 MB by 37 MB, all at the same speed (2 M invoice lines in 70 to 72 s).
 */
const MERGE_WORK_MEM: Record<Engine, string> = { postgres: '32MB', pglite: '4MB' };

export interface StagedRecord {
  row: number;
  values: Record<string, unknown>;
}

type Values = Record<string, unknown>;
const cents = (v: unknown) => (v === undefined || v === null ? null : parseMoney(String(v)));

interface Layout {
  table: string;
  columns: string[];
  toRow(v: Values): unknown[];
}

export const STAGING: Record<ImportTarget, Layout> = {
  accounts: {
    table: 'staging_accounts',
    columns: ['external_id', 'name', 'kind', 'status', 'sector', 'segment', 'size', 'relationship_type', 'country', 'region', 'city',
      'postal_code', 'website', 'email', 'phone', 'owner_email', 'tags', 'has_interest', 'has_financial_capacity', 'custom_fields', 'customer_since', 'search_text'],
    toRow: (v) => [v.externalId, v.name, v.kind, v.status, v.sector, v.segment, v.size, v.relationshipType, v.country, v.region, v.city,
      v.postalCode, v.website, v.email, v.phone, v.ownerEmail, v.tags, v.hasInterest, v.hasFinancialCapacity, v.customFields, v.customerSince,
      accountSearchText({
        name: String(v.name), external_id: (v.externalId as string) ?? null, email: (v.email as string) ?? null,
        phone: (v.phone as string) ?? null, website: (v.website as string) ?? null, city: (v.city as string) ?? null,
      })],
  },
  contacts: {
    table: 'staging_contacts',
    columns: ['external_id', 'account_external_id', 'account_name', 'civility', 'first_name', 'last_name', 'job_title', 'email', 'phone',
      'birth_year', 'preferred_channel', 'do_not_contact'],
    toRow: (v) => [v.externalId, v.accountExternalId, v.accountName, v.civility, v.firstName, v.lastName, v.jobTitle, v.email, v.phone,
      v.birthYear, v.preferredChannel, v.doNotContact],
  },
  products: {
    table: 'staging_products',
    columns: ['sku', 'name', 'category', 'list_price_cents'],
    toRow: (v) => [v.sku, v.name, v.category, cents(v.listPrice)],
  },
  orders: {
    table: 'staging_orders',
    columns: ['number', 'account_external_id', 'account_name', 'ordered_at', 'channel', 'status', 'total_cents', 'item_count', 'currency'],
    toRow: (v) => [v.number, v.accountExternalId, v.accountName, v.orderedAt, v.channel, v.status, cents(v.total), v.itemCount, v.currency],
  },
  'order-lines': {
    table: 'staging_order_lines',
    columns: ['order_number', 'account_external_id', 'account_name', 'country', 'region', 'ordered_at', 'sku', 'description', 'quantity',
      'unit_price_cents', 'unit_price_exact', 'discount_bp', 'total_cents', 'cancels_order_number', 'currency'],
    toRow: (v) => {
      // Up to four decimals: the line total is rounded to the cent once, from the exact price.
      const unit = parseUnitPrice(String(v.unitPrice));
      const discount = v.discountPercent === undefined ? 0 : Number(v.discountPercent);
      const place = (v.country ?? {}) as Place;
      return [v.orderNumber, v.accountExternalId, v.accountName, place.country, place.region, v.orderedAt, v.sku, v.description, v.quantity,
        unitPriceCents(unit), unit % 100 === 0 ? null : formatUnitPrice(unit), Math.round(discount * 100),
        preciseLineTotal(Number(v.quantity), unit, discount), v.cancelsOrderNumber, v.currency];
    },
  },
  interactions: {
    table: 'staging_interactions',
    columns: ['account_external_id', 'account_name', 'contact_email', 'type', 'direction', 'subject', 'body', 'occurred_at', 'user_email', 'outcome'],
    toRow: (v) => [v.accountExternalId, v.accountName, v.contactEmail, v.type, v.direction, v.subject, v.body, v.occurredAt, v.userEmail, v.outcome],
  },
};

/**
 * Readies an import transaction: a temporary staging table of the target's name, which hides the
 * shared one (migration 0002) for this session and is dropped at commit or rollback; memory for
 * the merge's sorts and hashes; and no JIT compilation, which PostgreSQL starts for the merge's
 * large estimated costs and which took over a second per statement here, more than it ever saved.
 *
 * Temporary rather than the shared unlogged table: rows deleted from a shared table after each
 * batch stay behind as dead rows until a vacuum, which every later batch of a large import
 * would read again; a temporary table also writes nothing to the WAL and concerns no one else.
 */
export async function openStaging(db: Executor, target: ImportTarget, engine: Engine): Promise<void> {
  const table = sql.table(STAGING[target].table);
  await sql.raw(`set local work_mem = '${MERGE_WORK_MEM[engine]}'`).execute(db);
  await sql`set local jit = off`.execute(db);
  await sql`create temp table if not exists ${table} (like ${table}) on commit drop`.execute(db);
}

/** Gives the planner the staged rows' statistics: temporary tables get none by themselves. */
export async function analyzeStaging(db: Executor, target: ImportTarget): Promise<void> {
  await sql`analyze ${sql.table(STAGING[target].table)}`.execute(db);
}

/** The staging table of a target, and each record of a run as one line of COPY input. */
export function stagingOf(target: ImportTarget, runId: number) {
  const layout = STAGING[target];
  const prefix = `${runId},`;
  return {
    table: layout.table,
    columns: ['run_id', 'row_no', ...layout.columns],
    line(record: StagedRecord): string {
      let line = prefix + record.row;
      for (const value of layout.toRow(record.values)) line += `,${csvField(value)}`;
      return `${line}\n`;
    },
  };
}
