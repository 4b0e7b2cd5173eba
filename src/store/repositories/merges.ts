// Merging two records of one customer into the one kept. Everything attached to the record
// merged away moves over (orders, contacts, interactions, tasks, status history); its values
// fill the kept record's empty fields and never overwrite a filled one; its audit trail stays
// as it was, and gains a last entry saying where it went. A trace answers "merged into N" for
// the old id afterwards. Call inside a transaction: each merge is several statements.
import { type Selectable, sql } from 'kysely';
import { type Changes, changedFields } from '../../domain/changes.js';
import { CHANNELS, type ConsentByChannel } from '../../domain/customer-file.js';
import type { Account } from '../../domain/schemas/account.js';
import type { Contact } from '../../domain/schemas/contact.js';
import type { AccountsTable, ContactsTable } from '../schema.js';
import type { Executor } from '../executor.js';
import { accountsRepository, toAccount } from './accounts.js';
import { auditRepository } from './audit.js';
import { toContact } from './contacts.js';

export type MergedEntity = 'account' | 'contact';

export interface MergeActor {
  /** The user merging; 0 or null for the system (the command line). */
  userId: number | null;
  at: Date;
}

export interface AccountMerge {
  kept: Account;
  mergedId: number;
  moved: { contacts: number; orders: number; interactions: number; tasks: number; statusChanges: number };
  /** Fields of the kept account that were empty and now hold the merged account's value. */
  filled: string[];
  tagsAdded: string[];
  customFieldsAdded: string[];
}

export interface ContactMerge {
  kept: Contact;
  mergedId: number;
  moved: { interactions: number };
  filled: string[];
  /** Channels whose consent came from the merged contact, being the more recent. */
  consentTaken: string[];
}

// Columns whose value the merged record may give the kept one when the kept one has none.
const ACCOUNT_FILLABLE = {
  external_id: 'externalId', sector: 'sector', segment: 'segment', size: 'size', relationship_type: 'relationshipType',
  country: 'country', region: 'region', city: 'city', postal_code: 'postalCode', website: 'website', email: 'email',
  phone: 'phone', owner_id: 'ownerId',
} as const;
const CONTACT_FILLABLE = {
  external_id: 'externalId', civility: 'civility', first_name: 'firstName', job_title: 'jobTitle', email: 'email',
  phone: 'phone', birth_year: 'birthYear', preferred_channel: 'preferredChannel',
} as const;

const isEmpty = (value: unknown) => value === null || value === undefined || (typeof value === 'string' && !value.trim());

function fillEmpty<R extends object>(kept: R, merged: R, columns: Readonly<Record<string, string>>) {
  const values: Record<string, unknown> = {};
  const filled: string[] = [];
  for (const [column, field] of Object.entries(columns)) {
    const [mine, theirs] = [(kept as Record<string, unknown>)[column], (merged as Record<string, unknown>)[column]];
    if (isEmpty(mine) && !isEmpty(theirs)) {
      values[column] = theirs;
      filled.push(field);
    }
  }
  return { values, filled };
}

const earlier = (a: Date, b: Date) => (b.getTime() < a.getTime() ? b : a);

/** The more recent decision per channel; the kept contact's on a tie. */
function latestConsent(kept: ConsentByChannel, merged: ConsentByChannel) {
  const consent: ConsentByChannel = { ...kept };
  const taken: string[] = [];
  for (const channel of CHANNELS) {
    const [mine, theirs] = [kept[channel], merged[channel]];
    if (theirs && (!mine || Date.parse(theirs.at) > Date.parse(mine.at))) {
      consent[channel] = theirs;
      taken.push(channel);
    }
  }
  return { consent, taken };
}

type AccountRow = Selectable<AccountsTable>;
type ContactRow = Selectable<ContactsTable>;

export function mergesRepository(db: Executor) {
  const audit = auditRepository(db);

  /** Re-points the rows of a table from the record merged away to the kept one; returns their ids. */
  async function moveAll(table: 'contacts' | 'orders' | 'interactions' | 'tasks' | 'account_status_changes', column: 'account_id' | 'contact_id', from: number, to: number, at: Date) {
    const touch = table === 'account_status_changes' ? sql`` : sql`, updated_at = ${at}`;
    const { rows } = await sql<{ id: number }>`
      update ${sql.table(table)} set ${sql.ref(column)} = ${to}${touch} where ${sql.ref(column)} = ${from} returning id`.execute(db);
    return rows.map((row) => Number(row.id)).sort((a, b) => a - b);
  }

  async function trace(entity: MergedEntity, oldId: number, newId: number, by: MergeActor) {
    // Records merged into the one going away now answer with the one kept.
    await db.updateTable('merged_records').set({ new_id: newId }).where('entity', '=', entity).where('new_id', '=', oldId).execute();
    await db.insertInto('merged_records')
      .values({ entity, old_id: oldId, new_id: newId, merged_at: by.at, merged_by: by.userId || null }).execute();
  }

  /** Both rows, locked against concurrent writes until the transaction ends; undefined unless both exist. */
  async function lockPair<R extends { id: number }>(table: 'accounts' | 'contacts', keepId: number, dropId: number) {
    const rows = await db.selectFrom(table as 'accounts').selectAll().where('id', 'in', [keepId, dropId]).orderBy('id').forUpdate().execute() as unknown as R[];
    const kept = rows.find((row) => row.id === keepId);
    const merged = rows.find((row) => row.id === dropId);
    return kept && merged ? { kept, merged } : undefined;
  }

  return {
    /** Merges account `dropId` into `keepId`; undefined when either does not exist. */
    async mergeAccounts(keepId: number, dropId: number, by: MergeActor): Promise<AccountMerge | undefined> {
      const pair = await lockPair<AccountRow>('accounts', keepId, dropId);
      if (!pair) return undefined;
      const { kept, merged } = pair;
      const moved = {
        contacts: await moveAll('contacts', 'account_id', dropId, keepId, by.at),
        orders: await moveAll('orders', 'account_id', dropId, keepId, by.at),
        interactions: await moveAll('interactions', 'account_id', dropId, keepId, by.at),
        tasks: await moveAll('tasks', 'account_id', dropId, keepId, by.at),
        statusChanges: await moveAll('account_status_changes', 'account_id', dropId, keepId, by.at),
      };
      const { values, filled } = fillEmpty(kept, merged, ACCOUNT_FILLABLE);
      for (const [column, field] of [['has_interest', 'hasInterest'], ['has_financial_capacity', 'hasFinancialCapacity']] as const) {
        if (!kept[column] && merged[column]) {
          values[column] = true;
          filled.push(field);
        }
      }
      const tagsAdded = merged.tags.filter((tag) => !kept.tags.includes(tag));
      const customFieldsAdded = Object.keys(merged.custom_fields).filter((key) => !(key in kept.custom_fields));
      // The merged account goes first: its external id may move to the kept one, which is unique.
      await db.deleteFrom('accounts').where('id', '=', dropId).execute();
      await db.updateTable('accounts').set({
        ...values,
        tags: [...kept.tags, ...tagsAdded],
        custom_fields: JSON.stringify({ ...merged.custom_fields, ...kept.custom_fields }),
        created_at: earlier(kept.created_at, merged.created_at),
        // The relationship began when the older of the two records says it did.
        customer_since: [kept.customer_since, merged.customer_since].filter((d) => d !== null).sort()[0] ?? null,
        updated_at: by.at,
      }).where('id', '=', keepId).execute();
      const accounts = accountsRepository(db);
      await accounts.refreshSearchText(keepId);
      const after = (await accounts.get(keepId))!;
      await trace('account', dropId, keepId, by);

      const [before, gone] = [toAccount(kept), toAccount(merged)];
      await audit.record({
        userId: by.userId, action: 'merge', entity: 'account', entityId: dropId,
        changes: { mergedInto: [null, keepId], ...changedFields(gone, undefined, ['id', 'updatedAt']) },
      });
      await audit.record({
        userId: by.userId, action: 'merge', entity: 'account', entityId: keepId,
        changes: { mergedFrom: [null, dropId], ...changedFields(before, after, ['id', 'updatedAt']), moved: [null, moved] } satisfies Changes,
      });
      return {
        kept: after, mergedId: dropId, filled, tagsAdded, customFieldsAdded,
        moved: {
          contacts: moved.contacts.length, orders: moved.orders.length, interactions: moved.interactions.length,
          tasks: moved.tasks.length, statusChanges: moved.statusChanges.length,
        },
      };
    },

    /** Merges contact `dropId` into `keepId`; undefined when either does not exist. */
    async mergeContacts(keepId: number, dropId: number, by: MergeActor): Promise<ContactMerge | undefined> {
      const pair = await lockPair<ContactRow>('contacts', keepId, dropId);
      if (!pair) return undefined;
      const { kept, merged } = pair;
      const interactions = await moveAll('interactions', 'contact_id', dropId, keepId, by.at);
      const { values, filled } = fillEmpty(kept, merged, CONTACT_FILLABLE);
      const { consent, taken } = latestConsent(kept.consent, merged.consent);
      if (!kept.do_not_contact && merged.do_not_contact) filled.push('doNotContact');
      await db.deleteFrom('contacts').where('id', '=', dropId).execute();
      const row = await db.updateTable('contacts').set({
        ...values,
        consent: JSON.stringify(consent),
        // Anyone who asked not to be contacted under either record meant it.
        do_not_contact: kept.do_not_contact || merged.do_not_contact,
        created_at: earlier(kept.created_at, merged.created_at),
        updated_at: by.at,
      }).where('id', '=', keepId).returningAll().executeTakeFirstOrThrow();
      const accounts = accountsRepository(db);
      for (const accountId of new Set([kept.account_id, merged.account_id])) await accounts.refreshSearchText(accountId);
      await trace('contact', dropId, keepId, by);

      const [before, after, gone] = [toContact(kept), toContact(row), toContact(merged)];
      await audit.record({
        userId: by.userId, action: 'merge', entity: 'contact', entityId: dropId,
        changes: { mergedInto: [null, keepId], ...changedFields(gone, undefined, ['id', 'updatedAt']) },
      });
      await audit.record({
        userId: by.userId, action: 'merge', entity: 'contact', entityId: keepId,
        changes: { mergedFrom: [null, dropId], ...changedFields(before, after, ['id', 'updatedAt']), moved: [null, { interactions }] },
      });
      return { kept: after, mergedId: dropId, moved: { interactions: interactions.length }, filled, consentTaken: taken };
    },

    /** The record an id was merged into, following later merges; undefined if it never was. */
    async mergedInto(entity: MergedEntity, id: number): Promise<number | undefined> {
      const row = await db.selectFrom('merged_records').select('new_id').where('entity', '=', entity).where('old_id', '=', id).executeTakeFirst();
      return row?.new_id;
    },
  };
}

export type MergesRepository = ReturnType<typeof mergesRepository>;
