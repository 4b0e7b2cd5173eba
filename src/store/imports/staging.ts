// How each import target's records are laid out in its staging table.
import { lineTotal, parseMoney } from '../../domain/money.js';
import { accountSearchText } from '../repositories/accounts.js';
import type { ImportTarget } from '../../import/targets.js';
import type { CopyCsv } from '../connection.js';
import { csvLine } from '../csv-encode.js';

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
      'postal_code', 'website', 'email', 'phone', 'owner_email', 'tags', 'has_interest', 'has_financial_capacity', 'custom_fields', 'search_text'],
    toRow: (v) => [v.externalId, v.name, v.kind, v.status, v.sector, v.segment, v.size, v.relationshipType, v.country, v.region, v.city,
      v.postalCode, v.website, v.email, v.phone, v.ownerEmail, v.tags, v.hasInterest, v.hasFinancialCapacity, v.customFields,
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
    columns: ['number', 'account_external_id', 'account_name', 'ordered_at', 'channel', 'status', 'total_cents', 'item_count'],
    toRow: (v) => [v.number, v.accountExternalId, v.accountName, v.orderedAt, v.channel, v.status, cents(v.total), v.itemCount],
  },
  'order-lines': {
    table: 'staging_order_lines',
    columns: ['order_number', 'account_external_id', 'account_name', 'country', 'ordered_at', 'sku', 'description', 'quantity',
      'unit_price_cents', 'discount_bp', 'total_cents'],
    toRow: (v) => {
      const unit = parseMoney(String(v.unitPrice));
      const discount = v.discountPercent === undefined ? 0 : Number(v.discountPercent);
      return [v.orderNumber, v.accountExternalId, v.accountName, v.country, v.orderedAt, v.sku, v.description, v.quantity,
        unit, Math.round(discount * 100), lineTotal(Number(v.quantity), unit, discount)];
    },
  },
  interactions: {
    table: 'staging_interactions',
    columns: ['account_external_id', 'account_name', 'contact_email', 'type', 'direction', 'subject', 'body', 'occurred_at', 'user_email', 'outcome'],
    toRow: (v) => [v.accountExternalId, v.accountName, v.contactEmail, v.type, v.direction, v.subject, v.body, v.occurredAt, v.userEmail, v.outcome],
  },
};

export async function stageRecords(copyCsv: CopyCsv, target: ImportTarget, runId: number, records: readonly StagedRecord[]): Promise<void> {
  const layout = STAGING[target];
  function* lines() {
    for (const record of records) yield csvLine([runId, record.row, ...layout.toRow(record.values)]);
  }
  await copyCsv(layout.table, ['run_id', 'row_no', ...layout.columns], lines());
}
