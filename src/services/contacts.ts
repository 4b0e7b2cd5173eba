import { ClienteleError } from '../domain/errors.js';
import type { Contact, ContactCreate, ContactListQuery, ContactPatch } from '../domain/schemas/contact.js';
import { accountRecordService } from './account-records.js';

export const contacts = accountRecordService<Contact, ContactCreate, ContactPatch, ContactListQuery>({
  entity: 'contact',
  label: 'Contact',
  repository: (store) => store.contacts,
  async check(_ctx, input) {
    if (input.preferredChannel === 'email' && input.email === null) {
      throw new ClienteleError('invalid', 'A contact who prefers email needs an email address.', 'email');
    }
  },
  // The account's free-text search covers its contacts' names, emails and phones.
  afterWrite: (tx, accountId) => tx.accounts.refreshSearchText(accountId),
  unique: { external_id: ['externalId', 'Another contact already has this external id.'] },
});
