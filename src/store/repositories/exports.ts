// Reads for exports: the records that belong to a page of accounts, a few thousand rows at a
// time in a stable order, with the natural keys (emails, SKUs) an import links by instead of ids.
// The accounts themselves come from accountsRepository.list, so exports filter as lists do.
import type { PortfolioInteraction, PortfolioOrder, PortfolioProduct } from '../../domain/portfolio-records.js';
import type { Contact } from '../../domain/schemas/contact.js';
import { type Executor, isoRequired } from '../executor.js';

/** What an import can read back; consent and timestamps have no import column. */
export type ContactExportRow = Omit<Contact, 'consent' | 'createdAt' | 'updatedAt'>;

export type ProductExportRow = Pick<PortfolioProduct, 'sku' | 'name' | 'listPriceCents'> & { id: number; category: string | null };

export type OrderExportRow = Omit<PortfolioOrder, 'lines'> & { id: number; accountId: number; currency: string | null };

export interface OrderLineExportRow {
  orderId: number;
  lineNo: number;
  accountId: number;
  orderNumber: string;
  orderedAt: string;
  sku: string | null;
  description: string | null;
  quantity: number;
  unitPriceCents: number;
  /** The unit price as imported, when finer than a cent ("0.0010"). */
  unitPriceExact: string | null;
  discountBasisPoints: number;
  /** The order's own currency, or null: the organisation's. */
  currency: string | null;
}

export type InteractionExportRow = Omit<PortfolioInteraction, 'contactExternalId'> & { id: number; accountId: number; contactEmail: string | null };

export function exportsRepository(db: Executor) {
  return {
    async userEmails(): Promise<Map<number, string>> {
      const rows = await db.selectFrom('users').select(['id', 'email']).execute();
      return new Map(rows.map((row) => [row.id, row.email]));
    },

    async products(afterId: number, limit: number): Promise<ProductExportRow[]> {
      const rows = await db.selectFrom('products').select(['id', 'sku', 'name', 'category', 'list_price_cents'])
        .where('id', '>', afterId).orderBy('id').limit(limit).execute();
      return rows.map((r) => ({ id: r.id, sku: r.sku, name: r.name, category: r.category, listPriceCents: r.list_price_cents }));
    },

    async contacts(accountIds: readonly number[], afterId: number, limit: number): Promise<ContactExportRow[]> {
      if (accountIds.length === 0) return [];
      const rows = await db.selectFrom('contacts')
        .select(['id', 'account_id', 'external_id', 'civility', 'first_name', 'last_name', 'job_title', 'email', 'phone', 'birth_year',
          'preferred_channel', 'do_not_contact'])
        .where('account_id', 'in', accountIds).where('id', '>', afterId).orderBy('id').limit(limit).execute();
      return rows.map((r) => ({
        id: r.id, accountId: r.account_id, externalId: r.external_id, civility: r.civility, firstName: r.first_name, lastName: r.last_name,
        jobTitle: r.job_title, email: r.email, phone: r.phone, birthYear: r.birth_year, preferredChannel: r.preferred_channel,
        doNotContact: r.do_not_contact,
      }));
    },

    async orders(accountIds: readonly number[], afterId: number, limit: number): Promise<OrderExportRow[]> {
      if (accountIds.length === 0) return [];
      const rows = await db.selectFrom('orders')
        .select(['id', 'account_id', 'number', 'ordered_at', 'channel', 'status', 'total_cents', 'item_count', 'currency'])
        .where('account_id', 'in', accountIds).where('id', '>', afterId).orderBy('id').limit(limit).execute();
      return rows.map((r) => ({
        id: r.id, accountId: r.account_id, number: r.number, orderedAt: isoRequired(r.ordered_at), channel: r.channel, status: r.status,
        totalCents: r.total_cents, itemCount: r.item_count, currency: r.currency,
      }));
    },

    /** Lines in order and line number, so the lines of one order stay together in the file. */
    async orderLines(accountIds: readonly number[], after: { orderId: number; lineNo: number }, limit: number): Promise<OrderLineExportRow[]> {
      if (accountIds.length === 0) return [];
      const rows = await db.selectFrom('order_lines as l')
        .innerJoin('orders as o', 'o.id', 'l.order_id')
        .leftJoin('products as p', 'p.id', 'l.product_id')
        .select(['l.order_id', 'l.line_no', 'o.account_id', 'o.number', 'o.ordered_at', 'p.sku', 'l.description', 'l.quantity',
          'l.unit_price_cents', 'l.unit_price_exact', 'l.discount_bp', 'o.currency'])
        .where('o.account_id', 'in', accountIds)
        .where((eb) => eb(eb.refTuple('l.order_id', 'l.line_no'), '>', eb.tuple(after.orderId, after.lineNo)))
        .orderBy('l.order_id').orderBy('l.line_no').limit(limit).execute();
      return rows.map((r) => ({
        orderId: r.order_id, lineNo: r.line_no, accountId: r.account_id, orderNumber: r.number, orderedAt: isoRequired(r.ordered_at),
        sku: r.sku, description: r.description, quantity: r.quantity, unitPriceCents: r.unit_price_cents, unitPriceExact: r.unit_price_exact === null ? null : String(r.unit_price_exact), discountBasisPoints: r.discount_bp,
        currency: r.currency,
      }));
    },

    async interactions(accountIds: readonly number[], afterId: number, limit: number): Promise<InteractionExportRow[]> {
      if (accountIds.length === 0) return [];
      const rows = await db.selectFrom('interactions as i')
        .leftJoin('contacts as c', 'c.id', 'i.contact_id')
        .leftJoin('users as u', 'u.id', 'i.user_id')
        .select(['i.id', 'i.account_id', 'c.email as contact_email', 'i.type', 'i.direction', 'i.subject', 'i.body', 'i.occurred_at',
          'u.email as user_email', 'i.outcome'])
        .where('i.account_id', 'in', accountIds).where('i.id', '>', afterId).orderBy('i.id').limit(limit).execute();
      return rows.map((r) => ({
        id: r.id, accountId: r.account_id, contactEmail: r.contact_email, type: r.type, direction: r.direction, subject: r.subject,
        body: r.body, occurredAt: isoRequired(r.occurred_at), userEmail: r.user_email, outcome: r.outcome,
      }));
    },
  };
}

export type ExportsRepository = ReturnType<typeof exportsRepository>;
