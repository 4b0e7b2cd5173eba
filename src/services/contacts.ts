import { ClienteleError } from '../domain/errors.js';
import type { Contact, ContactCreate, ContactListQuery, ContactPatch } from '../domain/schemas/contact.js';
import { accountRecordService } from './account-records.js';

export const contacts = accountRecordService<Contact, ContactCreate, ContactPatch, ContactListQuery>({
  entity: 'contact',
  label: 'Contact',
  repository: (store) => store.contacts,
  async check(_ctx, input, _accountId, current) {
    if (input.preferredChannel === undefined && input.email === undefined) return;
    // A patch keeps what it leaves out, and a new contact without an email has none.
    const channel = input.preferredChannel !== undefined ? input.preferredChannel : current?.preferredChannel;
    const email = input.email !== undefined ? input.email : current?.email;
    if (channel === 'email' && !email) {
      throw new ClienteleError('invalid', 'A contact who prefers email needs an email address.', 'email');
    }
  },
  // The account's free-text search covers its contacts' names, emails and phones.
  afterWrite: (tx, accountId) => tx.accounts.refreshSearchText(accountId),
  unique: { external_id: ['externalId', 'Another contact already has this external id.'] },
});
