import { describe, expect, it } from 'vitest';
import type { Account } from '../../shared/api/types';
import { draftOf, patchFrom } from './account-draft';

const account: Account = {
  id: 1, externalId: null, kind: 'company', name: 'Acme', status: 'customer', sector: 'retail', segment: null, size: 'small',
  relationshipType: null, country: 'FR', region: null, city: 'Lyon', postalCode: null, website: null, email: null, phone: null,
  ownerId: null, tags: ['vip'], hasInterest: false, hasFinancialCapacity: true, customerSince: null, customFields: {},
  statusChangedAt: '2026-01-01T00:00:00.000Z', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', currency: 'EUR',
};

describe('editing an account\'s details', () => {
  it('sends nothing when nothing changed', () => {
    expect(patchFrom(account, draftOf(account))).toEqual({});
  });

  it('sends only the changed fields, with cleared ones as null', () => {
    const draft = { ...draftOf(account), city: '  Paris ', sector: '', size: 'enterprise', hasInterest: true };
    expect(patchFrom(account, draft)).toEqual({ city: 'Paris', sector: null, size: 'enterprise', hasInterest: true });
  });

  it('sends a customer-since day as the API takes it, and a cleared one as null', () => {
    expect(patchFrom(account, { ...draftOf(account), customerSince: '1997-01-01' })).toEqual({ customerSince: '1997-01-01' });
    expect(patchFrom({ ...account, customerSince: '1997-01-01' }, { ...draftOf(account), customerSince: '' })).toEqual({ customerSince: null });
  });

  it('reads tags from a comma list without blanks or repeats', () => {
    expect(patchFrom(account, { ...draftOf(account), tags: 'vip, export, , export' })).toEqual({ tags: ['vip', 'export'] });
  });

  it('keeps a blanked name as an empty string, so the API names the field that must not be empty', () => {
    expect(patchFrom(account, { ...draftOf(account), name: ' ' })).toEqual({ name: '' });
  });
});
