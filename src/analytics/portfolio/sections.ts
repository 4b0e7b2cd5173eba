// The portfolio cut into sections by one dimension, or two crossed: per section, how many
// accounts, how much revenue, the ABC mix, the active rate and the accounts showing churn
// signals. The active rate is the share of the section's buyers (accounts that ever bought)
// that bought within the active window.
import type { SectionDimension } from '../../domain/portfolio/sections.js';
import { type Cents, cents } from '../../domain/money.js';
import type { AbcClass } from '../../domain/portfolio/classes.js';
import { BUYING_NOW, type StatusClass } from '../../domain/portfolio/classes.js';
import type { AccountFact } from '../../domain/portfolio/facts.js';

/** What a section is cut by: an account's fields, of which only the dimensions are read. */
export type SectionAccount = Pick<AccountFact, 'country' | 'segment' | 'sector' | 'relationshipType' | 'size' | 'ownerId'>;

export interface SectionRow {
  account: SectionAccount;
  /**
   * How many accounts the row stands for: 1 unless alike accounts (same dimensions and classes)
   * were counted together beforehand, as the database does for 100,000 of them.
   */
  accounts?: number;
  /** Revenue over the settings' period (of all the accounts the row stands for). */
  revenue: Cents;
  everBought: boolean;
  status: StatusClass;
  abc: AbcClass;
  churnSignals: number;
}

export type SectionKeyValue = string | number | null;

export interface Section {
  dimensions: SectionDimension[];
  /** The section's value on each dimension, in the same order; null where unknown. */
  key: SectionKeyValue[];
  accounts: number;
  buyers: number;
  activeAccounts: number;
  activeRate: number | null;
  revenue: Cents;
  revenueShare: number | null;
  abc: Record<AbcClass, number>;
  accountsWithChurnSignals: number;
}

function valueOf(account: SectionAccount, dimension: SectionDimension): SectionKeyValue {
  return dimension === 'owner' ? account.ownerId : account[dimension];
}

/** Sections by one dimension or two crossed, largest revenue first. */
export function sectionsBy(rows: readonly SectionRow[], dimensions: readonly [SectionDimension] | readonly [SectionDimension, SectionDimension]): Section[] {
  // Sections by their value on each dimension, nested; unknown values (null, or undefined in loose
  // facts) share one section, as they do in the key.
  const sections = new Map<SectionKeyValue, Section | Map<SectionKeyValue, Section>>();
  const list: Section[] = [];
  const [first, second] = dimensions;
  let total = 0;
  for (const row of rows) {
    const a = valueOf(row.account, first);
    let section: Section | undefined;
    if (second === undefined) {
      section = sections.get(a ?? null) as Section | undefined;
      if (!section) sections.set(a ?? null, section = newSection(dimensions, [a]));
    } else {
      let inner = sections.get(a ?? null) as Map<SectionKeyValue, Section> | undefined;
      if (!inner) sections.set(a ?? null, inner = new Map());
      const b = valueOf(row.account, second);
      section = inner.get(b ?? null);
      if (!section) inner.set(b ?? null, section = newSection(dimensions, [a, b]));
    }
    if (section.accounts === 0) list.push(section);
    const n = row.accounts ?? 1;
    section.accounts += n;
    if (row.everBought) section.buyers += n;
    if (BUYING_NOW.has(row.status)) section.activeAccounts += n;
    section.revenue = cents(section.revenue + row.revenue);
    section.abc[row.abc] += n;
    if (row.churnSignals > 0) section.accountsWithChurnSignals += n;
    total += row.revenue;
  }
  for (const section of list) {
    section.activeRate = section.buyers === 0 ? null : section.activeAccounts / section.buyers;
    section.revenueShare = total > 0 ? section.revenue / total : null;
  }
  return list.sort((a, b) => b.revenue - a.revenue || JSON.stringify(a.key).localeCompare(JSON.stringify(b.key)));
}

function newSection(dimensions: readonly SectionDimension[], key: SectionKeyValue[]): Section {
  return {
    dimensions: [...dimensions], key, accounts: 0, buyers: 0, activeAccounts: 0, activeRate: null,
    revenue: cents(0), revenueShare: null, abc: { A: 0, B: 0, C: 0, none: 0 }, accountsWithChurnSignals: 0,
  };
}
