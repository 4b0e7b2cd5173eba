// The account's editable fields as form text, and back to the change the API takes: only the
// fields that differ, blanks as null, tags from a comma list.
import type { Account, AccountPatch } from '../../shared/api/types';

export const TEXT_FIELDS = ['name', 'externalId', 'sector', 'segment', 'region', 'city', 'postalCode', 'website', 'email', 'phone', 'customerSince'] as const;
/** Text fields typed in as a calendar day. */
export const DAY_FIELDS: ReadonlySet<string> = new Set(['customerSince']);
export const CHOICE_FIELDS = ['kind', 'size', 'relationshipType', 'country'] as const;
export type DraftField = (typeof TEXT_FIELDS)[number] | (typeof CHOICE_FIELDS)[number] | 'tags';

export type Draft = Record<DraftField, string> & { hasInterest: boolean; hasFinancialCapacity: boolean };

export function draftOf(account: Account): Draft {
  const text = (v: string | null) => v ?? '';
  return {
    name: account.name, externalId: text(account.externalId), sector: text(account.sector), segment: text(account.segment),
    region: text(account.region), city: text(account.city), postalCode: text(account.postalCode), website: text(account.website),
    email: text(account.email), phone: text(account.phone), customerSince: text(account.customerSince), kind: account.kind, size: text(account.size),
    relationshipType: text(account.relationshipType), country: text(account.country), tags: account.tags.join(', '),
    hasInterest: account.hasInterest, hasFinancialCapacity: account.hasFinancialCapacity,
  };
}

const tagsOf = (text: string) => [...new Set(text.split(',').map((t) => t.trim()).filter(Boolean))];

export function patchFrom(account: Account, draft: Draft): AccountPatch {
  const patch: Record<string, unknown> = {};
  const before = draftOf(account);
  for (const field of [...TEXT_FIELDS, ...CHOICE_FIELDS]) {
    const value = draft[field].trim();
    if (value === before[field].trim()) continue;
    patch[field] = field === 'name' || field === 'kind' ? value : value || null;
  }
  const tags = tagsOf(draft.tags);
  if (tags.join(',') !== account.tags.join(',')) patch.tags = tags;
  if (draft.hasInterest !== account.hasInterest) patch.hasInterest = draft.hasInterest;
  if (draft.hasFinancialCapacity !== account.hasFinancialCapacity) patch.hasFinancialCapacity = draft.hasFinancialCapacity;
  return patch as AccountPatch;
}
