// The account row and its status history from a profile: a name that fits the country and
// sector, a web domain, a phone in the city's format, tags and a few custom fields.
import type { PortfolioAccount, PortfolioStatusChange } from '../../domain/portfolio-records.js';
import type { AccountProfile } from './account-profile.js';
import { ACQUISITION_SOURCES, BRAND_WORDS, SECTOR_WORDS, TAGS } from './demo-wording.js';
import { asciiSlug } from './demo-team.js';
import { iso } from './demo-time.js';
import type { Random } from './seeded-random.js';

export interface GeneratedAccount {
  account: PortfolioAccount;
  statusChanges: PortfolioStatusChange[];
  /** Web domain for the people who work there; null for private persons. */
  domain: string | null;
  /** For a private person, the person's own name. */
  person: { firstName: string; lastName: string; female: boolean } | null;
}

const EMPLOYEES = { small: [3, 49], mid_market: [50, 499], enterprise: [500, 20000] } as const;

function companyName(profile: AccountProfile, r: Random): { name: string; brand: string } {
  const { country, sector } = profile;
  const word = r.pick(SECTOR_WORDS[sector!]);
  if (sector === 'public administration') {
    const brand = country.cityAuthority(profile.city.name);
    return { name: `${brand} – ${word}`, brand };
  }
  const pattern = r.next();
  const brand = pattern < 0.35 ? `${r.pick(country.lastNames)} ${word}`
    : pattern < 0.7 ? `${r.pick(BRAND_WORDS)} ${word}`
      : pattern < 0.85 ? `${r.pick(country.lastNames)} & ${r.pick(country.lastNames)}`
        : `${r.pick(BRAND_WORDS)} ${profile.city.name}`;
  return { name: `${brand}${r.chance(0.85) ? r.pick(country.companyForms) : ''}`, brand };
}

function tagsFor(r: Random): string[] {
  const count = r.weighted([[0, 45], [1, 30], [2, 18], [3, 7]] as const);
  return r.sample(TAGS, count).sort();
}

export function generateAccount(profile: AccountProfile, r: Random): GeneratedAccount {
  const { country, city } = profile;
  let name: string;
  let domain: string | null = null;
  let email: string | null;
  let website: string | null = null;
  let phone: string | null;
  let person: GeneratedAccount['person'] = null;
  if (profile.kind === 'person') {
    const female = r.chance(0.5);
    const firstName = r.pick(female ? country.female : country.male);
    const lastName = r.pick(country.lastNames);
    person = { firstName, lastName, female };
    name = `${firstName} ${lastName}`;
    email = r.chance(0.8) ? `${asciiSlug(firstName)}.${asciiSlug(lastName)}${r.int(1, 99)}@${r.pick(['mail', 'post', 'inbox'])}.example` : null;
    phone = r.chance(0.85) ? (r.chance(0.7) ? country.mobile(r) : country.landline(city.area, r)) : null;
  } else {
    const named = companyName(profile, r);
    name = named.name;
    // Reserved .example domains: the demo must never point at a real company.
    domain = `${asciiSlug(named.brand, '-')}.example`;
    email = r.chance(0.8) ? `${r.pick(['info', 'contact', 'office', 'sales', 'purchasing'])}@${domain}` : null;
    website = r.chance(0.85) ? `https://www.${domain}` : null;
    phone = r.chance(0.95) ? country.landline(city.area, r) : null;
  }

  const statusChanges: PortfolioStatusChange[] = profile.statuses.map((s, i) => ({
    fromStatus: i === 0 ? null : profile.statuses[i - 1]!.status,
    toStatus: s.status,
    changedAt: iso(s.at),
    changedByEmail: profile.owner?.email ?? null,
  }));
  const last = profile.statuses[profile.statuses.length - 1]!;
  const customFields: Record<string, unknown> = { acquisitionSource: r.pick(ACQUISITION_SOURCES) };
  if (profile.size) {
    const [fewest, most] = EMPLOYEES[profile.size];
    customFields.employees = r.int(fewest, most);
  }

  const status = profile.status;
  const account: PortfolioAccount = {
    externalId: profile.externalId,
    kind: profile.kind,
    name,
    status,
    statusChangedAt: iso(last.at),
    sector: profile.sector,
    segment: profile.kind === 'person' ? 'Consumers'
      : profile.sector === 'public administration' ? 'Public sector'
        : profile.relationshipType === 'distributor' || profile.relationshipType === 'reseller' || profile.relationshipType === 'partner' ? 'Channel'
          : profile.size === 'enterprise' || profile.relationshipType === 'national_account' ? 'Key accounts'
            : 'Direct B2B',
    size: profile.size,
    relationshipType: profile.relationshipType,
    country: country.code,
    region: city.region,
    city: city.name,
    postalCode: r.pick(city.postalCodes),
    website,
    email,
    phone,
    ownerEmail: profile.owner?.email ?? null,
    tags: tagsFor(r),
    hasInterest: status === 'customer' || status === 'partner' ? true
      : r.chance(status === 'prospect' ? 0.85 : status === 'lead' ? 0.6 : status === 'ex_customer' ? 0.5 : 0.1),
    hasFinancialCapacity: r.chance(profile.size === 'enterprise' || profile.size === 'mid_market' ? 0.95 : profile.size === 'small' ? 0.7 : 0.6),
    customFields,
    createdAt: iso(profile.createdAt),
    updatedAt: iso(last.at),
  };
  return { account, statusChanges, domain, person };
}
