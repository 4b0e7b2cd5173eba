// The demo sales team: one manager and five to eight reps, each rep covering territories
// (cities), so owners cluster geographically as in a real sales organisation.
import type { PortfolioUser } from '../../domain/portfolio-records.js';
import { DEMO_COUNTRIES } from './demo-countries.js';
import { mixSeed, Random } from './seeded-random.js';

export const DEMO_EMAIL_DOMAIN = 'clientele-demo.example';

export interface DemoTeam {
  manager: PortfolioUser;
  reps: PortfolioUser[];
  /** The rep covering a city of a country. */
  territoryRep(countryIndex: number, cityIndex: number): PortfolioUser;
}

export const asciiSlug = (text: string, separator = '.') =>
  text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, separator).replace(new RegExp(`^\\${separator}+|\\${separator}+$`, 'g'), '');

export function demoTeam(seed: number): DemoTeam {
  const r = new Random(mixSeed(seed, 0x7ea3));
  const taken = new Set<string>();
  const person = (role: PortfolioUser['role']): PortfolioUser => {
    const country = r.pick(DEMO_COUNTRIES);
    const first = r.pick(r.chance(0.5) ? country.female : country.male);
    const last = r.pick(country.lastNames);
    let local = `${asciiSlug(first)}.${asciiSlug(last)}`;
    for (let n = 2; taken.has(local); n++) local = `${asciiSlug(first)}.${asciiSlug(last)}${n}`;
    taken.add(local);
    return { email: `${local}@${DEMO_EMAIL_DOMAIN}`, name: `${first} ${last}`, role };
  };
  const manager = person('manager');
  const reps = Array.from({ length: r.int(5, 8) }, () => person('rep'));
  return {
    manager,
    reps,
    territoryRep: (countryIndex, cityIndex) => reps[mixSeed(seed, countryIndex, cityIndex) % reps.length]!,
  };
}
