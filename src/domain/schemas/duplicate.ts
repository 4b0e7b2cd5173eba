import { Type, type Static } from 'typebox';
import { DUPLICATE_KINDS } from '../duplicates/find-duplicates.js';
import { AccountSchema } from './account.js';
import { ContactSchema } from './contact.js';
import { DateTime, Enum, Id, Nullable, strict } from './common.js';

export const DuplicateQuerySchema = Type.Object({
  kind: Type.Optional(Enum(DUPLICATE_KINDS, 'Accounts or contacts; both when left out')),
  minScore: Type.Optional(Type.Integer({ minimum: 0, maximum: 100, default: 60, description: 'Leave out pairs scoring less' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
}, strict);
export type DuplicateQuery = Static<typeof DuplicateQuerySchema>;

const AccountCandidateSchema = Type.Object({
  id: Id, name: Type.String(), email: Nullable(Type.String()), phone: Nullable(Type.String()), website: Nullable(Type.String()),
  city: Nullable(Type.String()), country: Nullable(Type.String()),
});

const ContactCandidateSchema = Type.Object({
  id: Id, accountId: Id, firstName: Nullable(Type.String()), lastName: Type.String(), email: Nullable(Type.String()),
  phone: Nullable(Type.String()), country: Nullable(Type.String({ description: "The account's country" })),
});

const Candidate = Type.Union([AccountCandidateSchema, ContactCandidateSchema]);
export type AccountCandidate = Static<typeof AccountCandidateSchema>;
export type ContactCandidate = Static<typeof ContactCandidateSchema>;

export const DuplicatePairSchema = Type.Object({
  kind: Enum(DUPLICATE_KINDS),
  a: Candidate,
  b: Candidate,
  score: Type.Integer({ minimum: 0, maximum: 100, description: 'How likely the two are one customer' }),
  reasons: Type.Array(Type.String(), { description: 'Why, in words: "same email a@x.fr", "names alike: …"' }),
}, { $id: 'DuplicatePair' });
export type DuplicatePair = Static<typeof DuplicatePairSchema>;

export const DuplicateListSchema = Type.Object({
  items: Type.Array(DuplicatePairSchema),
  pairs: Type.Object({
    account: Type.Optional(Type.Integer({ description: 'Likely duplicate pairs of accounts at or above minScore, before limit' })),
    contact: Type.Optional(Type.Integer({ description: 'Likely duplicate pairs of contacts at or above minScore, before limit' })),
  }, { description: 'Pairs found per kind of record searched (only the kind asked for, or both); pairs of accounts and of contacts are never added together' }),
  dismissed: Type.Object({
    account: Type.Optional(Type.Integer({ description: 'Pairs of accounts found but left out: someone declared them not duplicates' })),
    contact: Type.Optional(Type.Integer({ description: 'Pairs of contacts found but left out: someone declared them not duplicates' })),
  }, { description: 'Pairs at or above minScore left out because they were dismissed (see /duplicates/dismissed)' }),
  ignored: Type.Array(Type.Object({
    kind: Enum(DUPLICATE_KINDS),
    signal: Type.String({ description: 'email, phone, domain or name' }),
    value: Type.String(),
    count: Type.Integer({ description: 'Records sharing it: too many to be duplicates of one another' }),
  })),
});
export type DuplicateList = Static<typeof DuplicateListSchema>;

export const MergeBodySchema = Type.Object({
  from: Id,
}, { ...strict, $id: 'MergeBody', description: 'The record merged into this one, then deleted' });
export type MergeBody = Static<typeof MergeBodySchema>;

const Fields = Type.Array(Type.String(), { description: 'Fields that were empty and took the merged record\'s value' });

export const AccountMergeSchema = Type.Object({
  kept: AccountSchema,
  mergedId: Id,
  moved: Type.Object({
    contacts: Type.Integer(), orders: Type.Integer(), interactions: Type.Integer(), tasks: Type.Integer(), statusChanges: Type.Integer(),
  }),
  filled: Fields,
  tagsAdded: Type.Array(Type.String()),
  customFieldsAdded: Type.Array(Type.String()),
}, { $id: 'AccountMerge' });

export const ContactMergeSchema = Type.Object({
  kept: ContactSchema,
  mergedId: Id,
  moved: Type.Object({ interactions: Type.Integer() }),
  filled: Fields,
  consentTaken: Type.Array(Type.String(), { description: 'Channels whose more recent consent came from the merged contact' }),
}, { $id: 'ContactMerge' });

export const DismissalBodySchema = Type.Object({
  kind: Type.Optional(Enum(DUPLICATE_KINDS, 'Accounts or contacts; accounts when left out')),
  a: Id,
  b: Id,
}, { ...strict, $id: 'DismissalBody', description: 'Two records someone checked: they are not one customer' });
export type DismissalBody = Static<typeof DismissalBodySchema>;

export const DismissedPairParamsSchema = Type.Object({
  kind: Enum(DUPLICATE_KINDS), a: Id, b: Id,
}, { additionalProperties: false });

export const DismissedQuerySchema = Type.Object({
  kind: Type.Optional(Enum(DUPLICATE_KINDS, 'Accounts or contacts; accounts when left out')),
}, strict);

export const DismissedPairSchema = Type.Object({
  kind: Enum(DUPLICATE_KINDS),
  a: Type.Integer({ description: 'The smaller id of the two' }),
  b: Type.Integer({ description: 'The larger id of the two' }),
  dismissedAt: DateTime,
  dismissedBy: Nullable(Type.Integer({ description: 'The user who dismissed the pair' })),
}, { $id: 'DismissedPair' });

export const DismissedListSchema = Type.Object({ items: Type.Array(DismissedPairSchema) });
