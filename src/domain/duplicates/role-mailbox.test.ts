import { describe, expect, it } from 'vitest';
import { isRoleMailbox } from './role-mailbox.js';

describe('isRoleMailbox', () => {
  it('knows the mailboxes of an office or a team, in several languages and whatever the case', () => {
    for (const email of ['office@stadt-hamburg.example', 'Info@acme.fr', 'contact@alpha.fr', 'sales@x.com', 'kontakt@y.de', 'ventas@z.es', 'sales+eu@x.com', 'info-fr@x.com']) {
      expect(isRoleMailbox(email), email).toBe(true);
    }
  });

  it('takes a person\'s address, and anything without a mailbox before the @, for what it is', () => {
    for (const email of ['jean.dupont@acme.fr', 'eve@corner.example', 'office', '@acme.fr', 'officer.smith@x.com']) {
      expect(isRoleMailbox(email), email).toBe(false);
    }
  });
});
