// Likely duplicate accounts and contacts, each pair with a score from 0 to 100 and the reasons
// for it in words. Shared values are evidence of different strength (an email is nearly
// proof, a name alone a hint); several combine like independent clues, so two weak ones make
// a stronger case than either, and the place (same city, another country) moves the score.
import { comparablePhone } from './comparable-phone.js';
import { foldWords } from './fold-words.js';
import { jaroWinkler } from './jaro-winkler.js';
import { normalizeCompanyName } from './normalize-company-name.js';
import { type Evidence, findPairs, type IgnoredValue, type Profile, type Signal } from './pair-finder.js';
import { isRoleMailbox } from './role-mailbox.js';
import { domainOfEmail, domainOfWebsite } from './web-domain.js';

export type { IgnoredValue } from './pair-finder.js';

export const DUPLICATE_KINDS = ['account', 'contact'] as const;
export type DuplicateKind = (typeof DUPLICATE_KINDS)[number];

export interface AccountCandidate {
  id: number;
  name: string;
  email: string | null;
  phone: string | null;
  website: string | null;
  city: string | null;
  country: string | null;
}

export interface ContactCandidate {
  id: number;
  accountId: number;
  firstName: string | null;
  lastName: string;
  email: string | null;
  phone: string | null;
  /** The account's country, which tells how a national phone number is dialled. */
  country: string | null;
}

export interface DuplicatePair<T> {
  kind: DuplicateKind;
  /** The record with the smaller id. */
  a: T;
  b: T;
  score: number;
  reasons: string[];
}

export interface DuplicateSearch<T> {
  pairs: DuplicatePair<T>[];
  ignored: IgnoredValue[];
  compared: number;
}

export interface DuplicateOptions {
  /** Pairs scoring less are left out. */
  minScore: number;
  /** A value shared by more records than this (a switchboard number) is no evidence. */
  maxShared: number;
  /** How many alphabetical neighbours each name is compared with. */
  window: number;
  /** The least Jaro-Winkler similarity of names called similar. */
  similarity: number;
}

export const DEFAULT_DUPLICATE_OPTIONS: DuplicateOptions = { minScore: 60, maxShared: 50, window: 8, similarity: 0.92 };

/** Names less alike than this count against a pair that shares an email, phone or domain. */
const DIFFERENT_NAMES = 0.85;
const NAMES_DIFFER_POINTS = 25;

/** Names shorter than this (folded, without spaces) are compared only for equality. */
const MIN_SIMILAR_LENGTH = 4;

interface Rules<T> {
  kind: DuplicateKind;
  profile(record: T): Profile;
  /** How strongly each shared value alone says "duplicate", 0–100. */
  weights: Partial<Record<Signal, number>>;
  /** The same for similar names: from `low` at the threshold to `high` for identical names. */
  similar: { low: number; high: number };
  /** How a shared name reads. */
  sameName(a: T, b: T): string;
  displayName(record: T): string;
  /** Points added for where the two are (negative: against), with the reason. */
  context(a: T, b: T, evidence: Evidence): Array<[points: number, reason: string]>;
}

const lower = (text: string | null) => text?.trim().toLowerCase() || undefined;
/** An address that names one customer: a role mailbox (office@, info@) is shared by a whole organisation. */
const personalEmail = (text: string | null) => {
  const email = lower(text);
  return email && !isRoleMailbox(email) ? email : undefined;
};
/** The role mailbox both records write from, said in the reasons so the lower score is explained. */
function sharedRoleMailbox(a: string | null, b: string | null): Array<[number, string]> {
  const [x, y] = [lower(a), lower(b)];
  return x && x === y && isRoleMailbox(x) ? [[0, `shared mailbox ${x} is a role address, counted as its domain only`]] : [];
}
const folded = (text: string | null) => (text ? foldWords(text).map((w) => w.folded).join(' ') : '');
const quote = (text: string) => `'${text}'`;

function searchWith<T extends { id: number }>(rules: Rules<T>, records: readonly T[], given: Partial<DuplicateOptions>): DuplicateSearch<T> {
  const options = { ...DEFAULT_DUPLICATE_OPTIONS, ...given };
  const profiles = records.map(rules.profile);
  const { evidence, ignored, compared } = findPairs(profiles, options);
  const pairs: DuplicatePair<T>[] = [];
  for (const found of evidence) {
    let [a, b] = [records[found.a]!, records[found.b]!];
    if (a.id > b.id) [a, b] = [b, a];
    const reasons: string[] = [];
    const clues: number[] = [];
    const email = found.shared.get('email');
    if (email) {
      clues.push(rules.weights.email!);
      reasons.push(`same email ${email}`);
    }
    const phone = found.shared.get('phone');
    if (phone) {
      clues.push(rules.weights.phone!);
      reasons.push(`same phone ${phone}`);
    }
    const domain = found.shared.get('domain');
    // The domain of one shared address is no second clue.
    if (domain && !(email && email.endsWith(`@${domain}`))) {
      clues.push(rules.weights.domain!);
      reasons.push(`same web domain ${domain}`);
    }
    if (found.shared.has('name')) {
      clues.push(rules.weights.name!);
      reasons.push(rules.sameName(a, b));
    } else if (found.similarity !== undefined) {
      const { low, high } = rules.similar;
      const share = (found.similarity - options.similarity) / (1 - options.similarity || 1);
      clues.push(low + (high - low) * Math.min(1, Math.max(0, share)));
      reasons.push(`names similar: ${quote(rules.displayName(a))} ~ ${quote(rules.displayName(b))} (${Math.floor(found.similarity * 100)}%)`);
    }
    if (!clues.length) continue;
    let score = 100 * (1 - clues.reduce((doubt, clue) => doubt * (1 - clue / 100), 1));
    // One mailbox or switchboard for two plainly different names: departments, branches, colleagues.
    const [keyA, keyB] = [profiles[found.a]!.nameKey, profiles[found.b]!.nameKey];
    if (!found.shared.has('name') && found.similarity === undefined && keyA && keyB && jaroWinkler(keyA, keyB) < DIFFERENT_NAMES) {
      score -= NAMES_DIFFER_POINTS;
      reasons.push(`names differ: ${quote(rules.displayName(a))} ≠ ${quote(rules.displayName(b))}`);
    }
    for (const [points, reason] of rules.context(a, b, found)) {
      score += points;
      reasons.push(reason);
    }
    score = Math.round(Math.min(100, Math.max(0, score)));
    if (score >= options.minScore) pairs.push({ kind: rules.kind, a, b, score, reasons });
  }
  pairs.sort((x, y) => y.score - x.score || x.a.id - y.a.id || x.b.id - y.b.id);
  return { pairs, ignored, compared };
}

const accountRules: Rules<AccountCandidate> = {
  kind: 'account',
  profile(account) {
    const values: Array<[Signal, string]> = [];
    const email = personalEmail(account.email);
    if (email) values.push(['email', email]);
    const phone = comparablePhone(account.phone, account.country);
    if (phone) values.push(['phone', phone]);
    for (const domain of new Set([domainOfWebsite(account.website), domainOfEmail(account.email)])) {
      if (domain) values.push(['domain', domain]);
    }
    const name = normalizeCompanyName(account.name);
    if (name.key.length >= 2) values.push(['name', name.key]);
    return { values, name: name.key.length >= MIN_SIMILAR_LENGTH ? name.words : '', nameKey: name.key };
  },
  weights: { email: 90, phone: 80, domain: 75, name: 70 },
  similar: { low: 40, high: 65 },
  displayName: (account) => account.name,
  sameName(a, b) {
    if (a.name === b.name) return `same name ${quote(a.name)}`;
    const removed = [...new Set([...normalizeCompanyName(a.name).removed, ...normalizeCompanyName(b.name).removed])];
    const after = removed.length ? `after removing ${removed.map(quote).join(' and ')}` : 'apart from case, accents and punctuation';
    return `names alike: ${quote(a.name)} ≈ ${quote(b.name)} ${after}`;
  },
  context(a, b, evidence) {
    const out: Array<[number, string]> = [];
    const [cityA, cityB] = [folded(a.city), folded(b.city)];
    const onlyNames = !['email', 'phone', 'domain'].some((signal) => evidence.shared.has(signal as Signal));
    if (a.country && b.country && a.country !== b.country) out.push([-20, `different countries ${a.country} and ${b.country}`]);
    else if (cityA && cityA === cityB) out.push([10, `same city ${b.city}`]);
    else if (cityA && cityB && onlyNames) out.push([-10, `different cities ${a.city} and ${b.city}`]);
    else if (a.country && a.country === b.country) out.push([5, `same country ${a.country}`]);
    return [...sharedRoleMailbox(a.email, b.email), ...out];
  },
};

const contactName = (contact: ContactCandidate) => [contact.firstName, contact.lastName].filter(Boolean).join(' ');

const contactRules: Rules<ContactCandidate> = {
  kind: 'contact',
  profile(contact) {
    const values: Array<[Signal, string]> = [];
    const email = personalEmail(contact.email);
    if (email) values.push(['email', email]);
    const phone = comparablePhone(contact.phone, contact.country);
    if (phone) values.push(['phone', phone]);
    const words = folded(contactName(contact));
    const key = words.replace(/ /g, '');
    if (key.length >= 2) values.push(['name', key]);
    return { values, name: key.length >= MIN_SIMILAR_LENGTH ? words : '', nameKey: key };
  },
  // A shared phone is often a switchboard, so alone it never makes a contact a duplicate.
  weights: { email: 90, phone: 40, name: 60 },
  similar: { low: 35, high: 55 },
  displayName: contactName,
  sameName(a, b) {
    const [nameA, nameB] = [contactName(a), contactName(b)];
    return nameA === nameB ? `same name ${quote(nameA)}` : `names alike: ${quote(nameA)} ≈ ${quote(nameB)}`;
  },
  // Namesakes abound across companies; within one, two records of one name are rarely two people.
  context(a, b) {
    return [...sharedRoleMailbox(a.email, b.email), a.accountId === b.accountId
      ? [15, `same account ${a.accountId}`]
      : [-15, `in different accounts ${a.accountId} and ${b.accountId}`]];
  },
};

export const findAccountDuplicates = (accounts: readonly AccountCandidate[], options: Partial<DuplicateOptions> = {}) =>
  searchWith(accountRules, accounts, options);

export const findContactDuplicates = (contacts: readonly ContactCandidate[], options: Partial<DuplicateOptions> = {}) =>
  searchWith(contactRules, contacts, options);
