import { describe, expect, it } from 'vitest';
import {
  type AccountCandidate, type ContactCandidate, findAccountDuplicates, findContactDuplicates,
} from './find-duplicates.js';

let nextId = 1;
const account = (fields: Partial<AccountCandidate> & { name: string }): AccountCandidate => ({
  id: nextId++, email: null, phone: null, website: null, city: null, country: null, ...fields,
});
const contact = (fields: Partial<ContactCandidate> & { lastName: string }): ContactCandidate => ({
  id: nextId++, accountId: 1, firstName: null, email: null, phone: null, country: 'FR', ...fields,
});
const ids = (pairs: { a: { id: number }; b: { id: number } }[]) => pairs.map((p) => [p.a.id, p.b.id]);

describe('findAccountDuplicates', () => {
  it('pairs accounts with the same email, whatever its case, but counts plainly different names against them', () => {
    const a = account({ name: 'Alpha', email: 'Claire.Martin@Alpha.fr' });
    const b = account({ name: 'Beta', email: 'claire.martin@alpha.fr' });
    const { pairs } = findAccountDuplicates([a, b, account({ name: 'Gamma', email: 'claire.martin@gamma.fr' })]);
    expect(ids(pairs)).toEqual([[a.id, b.id]]);
    expect(pairs[0]!.kind).toBe('account');
    expect(pairs[0]!.score).toBe(90 - 25);
    expect(pairs[0]!.reasons).toEqual(['same email claire.martin@alpha.fr', "names differ: 'Alpha' ≠ 'Beta'"]);
    const alike = findAccountDuplicates([a, account({ name: 'ALPHA', email: 'claire.martin@alpha.fr' })]).pairs[0]!;
    expect(alike.score).toBe(97);
  });

  it('weighs a role mailbox two departments share (office@, info@) as their common domain, never as one customer', () => {
    const itDept = account({ name: 'Stadt Hamburg – IT department', email: 'office@stadt-hamburg.example', city: 'Hamburg', country: 'DE' });
    const parks = account({ name: 'Stadt Hamburg – Facilities', email: 'Office@Stadt-Hamburg.example', city: 'Hamburg', country: 'DE' });
    const { pairs } = findAccountDuplicates([itDept, parks]);
    expect(pairs[0]!.reasons).toEqual([
      'same web domain stadt-hamburg.example', 'shared mailbox office@stadt-hamburg.example is a role address, counted as its domain only', 'same city Hamburg',
    ]);
    expect(pairs[0]!.score).toBe(75 + 10);
    // At a public mail provider the mailbox says nothing at all.
    const shops = [account({ name: 'Bäckerei Kraus', email: 'info@gmail.com' }), account({ name: 'Bäckerei Krause', email: 'info@gmail.com', city: 'Kiel' })];
    expect(findAccountDuplicates(shops).pairs.every((p) => !p.reasons.some((r) => r.startsWith('same email')))).toBe(true);
  });

  it('pairs accounts with one phone number written in national and international form', () => {
    const a = account({ name: 'Alpha Conseil', phone: '+33 1 23 45 67 89', country: 'FR' });
    const b = account({ name: 'Alpha Conseils et Services', phone: '01.23.45.67.89', country: 'FR' });
    const { pairs } = findAccountDuplicates([a, b]);
    expect(pairs[0]!.reasons).toEqual(['same phone 0123456789', 'same country FR']);
    expect(pairs[0]!.score).toBe(85);
  });

  it('pairs an account\'s website with another\'s company email domain, but not a public mail provider', () => {
    const a = account({ name: 'Acme France', website: 'https://www.acme.fr/' });
    const b = account({ name: 'Acme France Distribution', email: 'sales@acme.fr' });
    const c = account({ name: 'Gamma', email: 'alpha@gmail.com' });
    const d = account({ name: 'Delta', email: 'delta@gmail.com' });
    const { pairs } = findAccountDuplicates([a, b, c, d]);
    expect(ids(pairs)).toEqual([[a.id, b.id]]);
    expect(pairs[0]!.reasons).toEqual(['same web domain acme.fr']);
    expect(pairs[0]!.score).toBe(75);
  });

  it('pairs names alike once legal forms, case and accents are set aside, naming what was removed', () => {
    const a = account({ name: 'ACME SARL' });
    const b = account({ name: 'Acme' });
    const c = account({ name: 'Société Générale' });
    const d = account({ name: 'SOCIETE GENERALE' });
    const { pairs } = findAccountDuplicates([a, b, c, d]);
    expect(pairs.map((p) => p.reasons)).toEqual([
      ["names alike: 'ACME SARL' ≈ 'Acme' after removing 'SARL'"],
      ["names alike: 'Société Générale' ≈ 'SOCIETE GENERALE' apart from case, accents and punctuation"],
    ]);
    expect(pairs.map((p) => p.score)).toEqual([70, 70]);
  });

  it('pairs nearly identical names with their similarity, but not names differing in a number', () => {
    const a = account({ name: 'Boulangerie Martin' });
    const b = account({ name: 'Boulangeries Martin' });
    const c = account({ name: 'Agence 12 Immobilier' });
    const d = account({ name: 'Agence 13 Immobilier' });
    const e = account({ name: 'Boulonnerie Marteau' });
    const { pairs } = findAccountDuplicates([a, b, c, d, e], { minScore: 0 });
    expect(ids(pairs)).toEqual([[a.id, b.id]]);
    expect(pairs[0]!.reasons[0]).toMatch(/^names similar: 'Boulangerie Martin' ~ 'Boulangeries Martin' \(9\d%\)$/);
  });

  it('finds a typo in the first letters as well as in the last', () => {
    const a = account({ name: 'Vandermeulen Transport' });
    const b = account({ name: 'Vnadermeulen Transport' });
    const filler = Array.from({ length: 40 }, (_, i) => account({ name: `V${String.fromCharCode(97 + (i % 26))}${i} Filler Works` }));
    const { pairs } = findAccountDuplicates([a, ...filler, b]);
    expect(ids(pairs)).toEqual([[a.id, b.id]]);
  });

  it('raises the score for the same city and lowers it for another country', () => {
    const named = (city: string | null, country: string | null) => account({ name: 'Dupont Frères', city, country });
    const score = (x: AccountCandidate, y: AccountCandidate) => findAccountDuplicates([x, y], { minScore: 0 }).pairs[0]!.score;
    expect(score(named('Lyon', 'FR'), named('LYON', 'FR'))).toBe(80);
    expect(score(named(null, 'FR'), named(null, 'FR'))).toBe(75);
    expect(score(named(null, null), named(null, null))).toBe(70);
    expect(score(named('Lyon', 'FR'), named('Paris', 'FR'))).toBe(60);
    expect(score(named(null, 'FR'), named(null, 'BE'))).toBe(50);
  });

  it('combines clues so two weak ones outweigh either alone, and never exceeds 100', () => {
    const a = account({ name: 'Acme SARL', phone: '01 23 45 67 89', email: 'a@acme.fr', city: 'Lyon', country: 'FR' });
    const b = account({ name: 'Acme', phone: '+33 1 23 45 67 89', email: 'a@acme.fr', city: 'Lyon', country: 'FR' });
    const [pair] = findAccountDuplicates([a, b]).pairs;
    expect(pair!.score).toBe(100);
    expect(pair!.reasons).toEqual([
      'same email a@acme.fr', 'same phone 0123456789', "names alike: 'Acme SARL' ≈ 'Acme' after removing 'SARL'", 'same city Lyon',
    ]);
    const nameAndDomain = findAccountDuplicates([
      account({ name: 'Zeta SARL', website: 'zeta.fr' }), account({ name: 'Zeta', email: 'info@zeta.fr' }),
    ]).pairs[0]!;
    expect(nameAndDomain.score).toBe(Math.round(100 * (1 - 0.3 * 0.25)));
  });

  it('leaves out pairs under the least score asked for', () => {
    const records = [account({ name: 'Omega Lyon', city: 'Lyon' }), account({ name: 'Omega Lyon', city: 'Paris' })];
    expect(findAccountDuplicates(records, { minScore: 61 }).pairs).toEqual([]);
    expect(findAccountDuplicates(records, { minScore: 60 }).pairs).toHaveLength(1);
  });

  it('ignores a value shared by more accounts than the limit, and reports it', () => {
    const shared = Array.from({ length: 6 }, (_, i) => account({ name: `Branch ${i}`, phone: '01 40 00 00 01', country: 'FR' }));
    const { pairs, ignored } = findAccountDuplicates(shared, { maxShared: 5 });
    expect(pairs).toEqual([]);
    expect(ignored).toEqual([{ signal: 'phone', value: '0140000001', count: 6 }]);
  });

  it('compares each name with a few neighbours only, so the work grows linearly with the accounts', () => {
    let seed = 42;
    const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296;
    const syllables = ['ka', 'lo', 'mi', 'ter', 'van', 'dor', 'sel', 'bri', 'nox', 'pla', 'ru', 'zen', 'fa', 'gli', 'os', 'tem'];
    const word = () => Array.from({ length: 3 + Math.floor(random() * 3) }, () => syllables[Math.floor(random() * syllables.length)]).join('');
    const forms = ['', ' SARL', ' GmbH', ' Ltd', ' S.A.', ' BV'];
    const many = Array.from({ length: 30_000 }, (_, i) => account({
      name: `${word()} ${word()}${forms[i % forms.length]}`, email: `info${i}@example${i}.com`, phone: `+33 1 ${String(10_000_000 + i)}`, country: 'FR',
    }));
    const planted = [account({ name: 'Quintessence Logistique SAS', country: 'FR' }), account({ name: 'Quintessence Logistique', country: 'FR' })];
    const { pairs, compared } = findAccountDuplicates([...many.slice(0, 15_000), planted[0]!, ...many.slice(15_000), planted[1]!]);
    expect(ids(pairs)).toContainEqual([planted[0]!.id, planted[1]!.id]);
    // Two orders, eight neighbours each: linear in the number of names.
    expect(compared).toBeLessThanOrEqual(2 * 8 * 30_002);
  });
});

describe('findContactDuplicates', () => {
  it('pairs contacts with the same email across accounts, saying where they are', () => {
    const a = contact({ lastName: 'Dupont', email: 'j.dupont@acme.fr', accountId: 1 });
    const b = contact({ firstName: 'J.', lastName: 'Dupont', email: 'J.Dupont@acme.fr', accountId: 2 });
    const [pair] = findContactDuplicates([a, b]).pairs;
    expect(pair).toMatchObject({ kind: 'contact', score: 90 - 15, reasons: ['same email j.dupont@acme.fr', 'in different accounts 1 and 2'] });
    const colleague = contact({ firstName: 'Marie', lastName: 'Curie', email: 'j.dupont@acme.fr', accountId: 1 });
    const shared = findContactDuplicates([a, colleague]).pairs[0]!;
    expect(shared).toMatchObject({ score: 90 - 25 + 15, reasons: ['same email j.dupont@acme.fr', "names differ: 'Dupont' ≠ 'Marie Curie'", 'same account 1'] });
  });

  it('does not take two people writing from one role mailbox for one person', () => {
    const a = contact({ firstName: 'Anna', lastName: 'Berg', email: 'info@berg.example', accountId: 3 });
    const b = contact({ firstName: 'Jonas', lastName: 'Weber', email: 'INFO@berg.example', accountId: 3 });
    expect(findContactDuplicates([a, b]).pairs).toEqual([]);
    const same = findContactDuplicates([a, contact({ firstName: 'Anna', lastName: 'Berg', email: 'info@berg.example', accountId: 3 })]).pairs[0]!;
    expect(same.reasons).toEqual(["same name 'Anna Berg'", 'shared mailbox info@berg.example is a role address, counted as its domain only', 'same account 3']);
  });

  it('pairs contacts of one account with the same name, whatever the case and accents, but not namesakes elsewhere', () => {
    const a = contact({ firstName: 'Hélène', lastName: 'Martin', accountId: 7 });
    const b = contact({ firstName: 'HELENE', lastName: 'MARTIN', accountId: 7 });
    const namesake = contact({ firstName: 'Hélène', lastName: 'Martin', accountId: 8 });
    const { pairs } = findContactDuplicates([a, b, namesake]);
    expect(ids(pairs)).toEqual([[a.id, b.id]]);
    expect(pairs[0]).toMatchObject({ score: 75, reasons: ["names alike: 'Hélène Martin' ≈ 'HELENE MARTIN'", 'same account 7'] });
    expect(findContactDuplicates([a, namesake], { minScore: 0 }).pairs[0]!.score).toBe(60 - 15);
  });

  it('does not take a shared switchboard number alone for a duplicate', () => {
    const a = contact({ firstName: 'Anne', lastName: 'Leroy', phone: '01 23 45 67 89', accountId: 3 });
    const b = contact({ firstName: 'Marc', lastName: 'Petit', phone: '+33 1 23 45 67 89', accountId: 3 });
    expect(findContactDuplicates([a, b]).pairs).toEqual([]);
    expect(findContactDuplicates([a, b], { minScore: 0 }).pairs[0]!).toMatchObject({
      score: 40 - 25 + 15, reasons: ['same phone 0123456789', "names differ: 'Anne Leroy' ≠ 'Marc Petit'", 'same account 3'],
    });
  });

  it('pairs a misspelt name in the same account', () => {
    const a = contact({ firstName: 'Christophe', lastName: 'Lefebvre', accountId: 4 });
    const b = contact({ firstName: 'Christophe', lastName: 'Lefebre', accountId: 4 });
    const [pair] = findContactDuplicates([a, b]).pairs;
    expect(pair!.reasons[0]).toMatch(/^names similar: 'Christophe Lefebvre' ~ 'Christophe Lefebre'/);
    expect(pair!.score).toBeGreaterThanOrEqual(60);
  });
});
