// The people at a demo account, with how they like to be reached and what they consented to.
import type { Channel, Civility, ConsentByChannel } from '../../domain/customer-file.js';
import type { PortfolioContact } from '../../domain/portfolio-records.js';
import type { AccountProfile } from './account-profile.js';
import { CONSENT_SOURCES, JOB_TITLES } from './demo-wording.js';
import type { GeneratedAccount } from './generate-account.js';
import { asciiSlug } from './demo-team.js';
import { DAY, iso } from './demo-time.js';
import type { Random } from './seeded-random.js';

const CONTACT_COUNT = { small: [1, 2], mid_market: [1, 3], enterprise: [2, 5] } as const;

function civility(female: boolean, r: Random): Civility | null {
  const roll = r.next();
  if (roll < 0.1) return null;
  if (roll < 0.13) return 'dr';
  if (roll < 0.14) return 'mx';
  return female ? 'ms' : 'mr';
}

export function generateContacts(profile: AccountProfile, generated: GeneratedAccount, end: number, r: Random): PortfolioContact[] {
  const { country, city } = profile;
  const [fewest, most] = generated.person ? [1, 1] : CONTACT_COUNT[profile.size!];
  const count = r.int(fewest, most);
  const contacts: PortfolioContact[] = [];
  const usedEmails = new Set<string>();
  for (let i = 0; i < count; i++) {
    const female = generated.person?.female ?? r.chance(0.5);
    const firstName = generated.person?.firstName ?? r.pick(female ? country.female : country.male);
    const lastName = generated.person?.lastName ?? r.pick(country.lastNames);
    // The first contact is there from the start; others join during the relationship.
    const createdAt = i === 0 ? profile.createdAt : profile.createdAt + r.next() * 0.7 * (end - profile.createdAt);
    let email: string | null = null;
    if (generated.person) email = generated.account.email;
    else if (r.chance(0.9)) {
      const local = `${asciiSlug(firstName)}.${asciiSlug(lastName)}`;
      email = `${usedEmails.has(local) ? `${local}${i + 1}` : local}@${generated.domain}`;
      usedEmails.add(local);
    }
    const phone = generated.person ? generated.account.phone
      : r.chance(0.75) ? (r.chance(0.5) ? country.mobile(r) : country.landline(city.area, r)) : null;
    let preferredChannel: Channel | null = r.chance(0.85)
      ? r.weighted([['email', 50], ['phone', 30], ['visit', 8], ['sms', 6], ['post', 6]] as const)
      : null;
    if (preferredChannel === 'email' && !email) preferredChannel = phone ? 'phone' : 'post';
    const doNotContact = r.chance(0.03);
    const consent: ConsentByChannel = {};
    const consentAt = (offsetDays: number) => iso(Math.min(createdAt + offsetDays * DAY, end - DAY));
    if (email) consent.email = { granted: !doNotContact && r.chance(0.85), source: r.pick(CONSENT_SOURCES), at: consentAt(r.uniform(0, 30)) };
    if (phone && r.chance(0.6)) consent.phone = { granted: !doNotContact && r.chance(0.9), source: r.pick(CONSENT_SOURCES), at: consentAt(r.uniform(0, 60)) };
    contacts.push({
      externalId: `${profile.externalId}-C${i + 1}`,
      civility: civility(female, r),
      firstName,
      lastName,
      jobTitle: generated.person ? null : r.pick(JOB_TITLES),
      email,
      phone,
      birthYear: r.chance(0.35) ? r.int(1958, 2000) : null,
      preferredChannel,
      consent,
      doNotContact,
      createdAt: iso(createdAt),
    });
  }
  return contacts;
}
