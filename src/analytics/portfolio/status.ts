// The status of each account, first rule that applies wins:
//   ex_customer  recorded as an ex-customer (the relationship ended), whatever it bought;
//   current      bought within the active window and within the window before it: ongoing;
//   active       bought within the active window but not the one before: new or returning;
//   inactive     bought before, not within the active window;
//   potential    never bought, has shown interest and has the means to buy;
//   probable     never bought, but its profile is common among active customers;
//   unqualified  never bought, and none of the above.
// "Probable" compares the account's segment, sector and size with the accounts that are
// current or active: it is alike when enough of them share every one of those fields the
// account has filled in (at least one must be).
import { BUYING_NOW, type StatusClass } from '../../domain/portfolio/classes.js';
import { daysBefore } from './calendar.js';
import { purchaseDaysBetween } from './purchase-windows.js';
import type { PortfolioSettings } from '../../domain/portfolio/settings.js';
import type { AccountFact, AccountSummary, Classification, Figures } from '../../domain/portfolio/facts.js';
import { days, listWords, percent } from './wording.js';

export type StatusClassification = Classification<StatusClass>;

export interface StatusInput {
  account: AccountFact;
  summary: AccountSummary;
}

const PROFILE_FIELDS = ['segment', 'sector', 'size'] as const;

/** The last day before each window, worked out once per as-of day and window length. */
interface Windows {
  asOf: string;
  length: number;
  /** Purchases after this day and through asOf are in the window. */
  nowAfter: string;
  /** Purchases after this day and through nowAfter are in the window before it. */
  beforeAfter: string;
  rules: Record<'current' | 'active' | 'inactive', string>;
}

let lastWindows: Windows | undefined;

function windowsOf(asOf: string, length: number): Windows {
  if (lastWindows?.asOf === asOf && lastWindows.length === length) return lastWindows;
  const span = days(length);
  return lastWindows = {
    asOf, length, nowAfter: daysBefore(asOf, length), beforeAfter: daysBefore(asOf, 2 * length),
    rules: {
      current: `Bought within the last ${span} and within the ${span} before: an ongoing customer.`,
      active: `Bought within the last ${span} but not in the ${span} before: new or returning.`,
      inactive: `Has bought before, but not within the last ${span}.`,
    },
  };
}

const EX_CUSTOMER_RULE = 'Recorded as an ex-customer: the relationship has ended.';

function purchaseStatus(input: StatusInput, window: number): StatusClassification | null {
  const { account, summary } = input;
  if (account.status === 'ex_customer') {
    return {
      class: 'ex_customer', rule: EX_CUSTOMER_RULE,
      figures: { lifecycleStatus: account.status, lastPurchase: summary.lastPurchase, daysSinceLastPurchase: summary.daysSinceLastPurchase, activeWindowDays: window },
    };
  }
  if (summary.orderCount === 0) return null;
  const windows = windowsOf(summary.asOf, window);
  const now = purchaseDaysBetween(summary, windows.nowAfter, summary.asOf);
  const before = purchaseDaysBetween(summary, windows.beforeAfter, windows.nowAfter);
  const figures: Figures = {
    lifecycleStatus: account.status,
    lastPurchase: summary.lastPurchase,
    daysSinceLastPurchase: summary.daysSinceLastPurchase,
    activeWindowDays: window,
    purchasesInWindow: now,
    purchasesInPreviousWindow: before,
  };
  if (now > 0 && before > 0) return { class: 'current', rule: windows.rules.current, figures };
  if (now > 0) return { class: 'active', rule: windows.rules.active, figures };
  return { class: 'inactive', rule: windows.rules.inactive, figures };
}

type ProfileValue = string | null;

/** Buying accounts counted by profile: segment, then sector, then size. */
type ProfileCounts = Map<ProfileValue, Map<ProfileValue, Map<ProfileValue, number>>>;

function countProfile(counts: ProfileCounts, account: AccountFact) {
  let sectors = counts.get(account.segment);
  if (!sectors) counts.set(account.segment, sectors = new Map());
  let sizes = sectors.get(account.sector);
  if (!sizes) sectors.set(account.sector, sizes = new Map());
  sizes.set(account.size, (sizes.get(account.size) ?? 0) + 1);
}

/** Entries of `map` under `key`, or all of them when the account does not fill that field in. */
function* matching<V>(map: Map<ProfileValue, V>, key: ProfileValue): Iterable<V> {
  if (key === null) yield* map.values();
  else if (map.has(key)) yield map.get(key)!;
}

/** Buying accounts that share every field of the profile that is filled in (null fields match anything). */
function alikeCount(counts: ProfileCounts, segment: ProfileValue, sector: ProfileValue, size: ProfileValue): number {
  let alike = 0;
  for (const sectors of matching(counts, segment)) {
    for (const sizes of matching(sectors, sector)) {
      for (const count of matching(sizes, size)) alike += count;
    }
  }
  return alike;
}

/** The status of every account, in their order; each account needs its summary (an empty one if it never bought). */
export function classifyStatusesInOrder(inputs: readonly StatusInput[], settings: PortfolioSettings): StatusClassification[] {
  const { activeWindowDays } = settings.status;
  const results = new Array<StatusClassification>(inputs.length);
  const undecided: number[] = [];
  // How many active customers have each profile.
  const profiles: ProfileCounts = new Map();
  let activeCustomers = 0;
  inputs.forEach((input, i) => {
    const status = purchaseStatus(input, activeWindowDays);
    if (!status) {
      undecided.push(i);
      return;
    }
    results[i] = status;
    if (BUYING_NOW.has(status.class)) {
      activeCustomers += 1;
      countProfile(profiles, input.account);
    }
  });

  // Accounts of one profile read the same: count and word each profile once.
  const alikeOf = new Map<string, number>();
  const rules = new Map<number, string>();
  for (const i of undecided) {
    const { account } = inputs[i]!;
    let alike = 0;
    if (!(account.hasInterest && account.hasFinancialCapacity) && filledMask(account) !== 0) {
      const key = JSON.stringify([account.segment, account.sector, account.size]);
      alike = alikeOf.get(key) ?? alikeCount(profiles, account.segment, account.sector, account.size);
      alikeOf.set(key, alike);
    }
    results[i] = neverBoughtStatus(account, alike, activeCustomers, settings, rules);
  }
  return results;
}

/** The status of an account decided by its purchases or its lifecycle (ex-customer), or null for one that never bought. */
export function purchaseStatusOf(input: StatusInput, settings: PortfolioSettings): StatusClassification | null {
  return purchaseStatus(input, settings.status.activeWindowDays);
}

/**
 * The status of an account that never bought: potential, probable or unqualified, given how
 * many of the `activeCustomers` share its profile (`alike`). A run keeps that count, so the
 * explanation can be given again when the account is read. `rules` words each case once.
 */
export function neverBoughtStatus(account: AccountFact, alike: number, activeCustomers: number, settings: PortfolioSettings,
  rules = new Map<number, string>()): StatusClassification {
  const { probableMinShare, probableMinCustomers } = settings.status;
  const lead = { lifecycleStatus: account.status, hasInterest: account.hasInterest ? 'yes' : 'no', hasFinancialCapacity: account.hasFinancialCapacity ? 'yes' : 'no' };
  if (account.hasInterest && account.hasFinancialCapacity) {
    return { class: 'potential', rule: 'Has never bought, has shown interest and has the means to buy.', figures: lead };
  }
  const mask = filledMask(account);
  if (mask === 0) alike = 0;
  const share = activeCustomers === 0 ? 0 : alike / activeCustomers;
  const figures: Figures = {
    ...lead, segment: account.segment, sector: account.sector, size: account.size,
    alikeActiveCustomers: alike, activeCustomers, alikeShare: Math.round(share * 10_000) / 10_000,
  };
  const probable = mask !== 0 && alike >= probableMinCustomers && share >= probableMinShare;
  const ruleKey = (alike * 8 + mask) * 2 + (probable ? 1 : 0);
  let rule = rules.get(ruleKey);
  if (rule === undefined) {
    const fields = listWords(PROFILE_FIELDS.filter((_, bit) => mask & (1 << bit)));
    if (probable) {
      rule = `Has never bought, but ${alike} of the ${activeCustomers} active customers (${percent(share, 1)}) share its ${fields}.`;
    } else {
      const profile = mask === 0
        ? 'its segment, sector and size are unknown'
        : `only ${alike} active customer${alike === 1 ? '' : 's'} (${percent(share, 1)}) share${alike === 1 ? 's' : ''} its ${fields}`;
      rule = `Has never bought, has not shown both interest and the means to buy, and ${profile} `
        + `(probable needs at least ${probableMinCustomers} and ${percent(probableMinShare, 1)}).`;
    }
    rules.set(ruleKey, rule);
  }
  return { class: probable ? 'probable' : 'unqualified', rule, figures };
}

function filledMask(account: AccountFact): number {
  return PROFILE_FIELDS.reduce((mask, field, bit) => (account[field] === null ? mask : mask | (1 << bit)), 0);
}

/** The status of every account by id; each account needs its summary (an empty one if it never bought). Ids are unique. */
export function classifyStatuses(inputs: readonly StatusInput[], settings: PortfolioSettings): Map<number, StatusClassification> {
  const inOrder = classifyStatusesInOrder(inputs, settings);
  const results = new Map<number, StatusClassification>();
  // Accounts decided by their purchases first, then the others, as the map has always listed them.
  const undecided = (status: StatusClassification) => status.class === 'potential' || status.class === 'probable' || status.class === 'unqualified';
  inputs.forEach((input, i) => { if (!undecided(inOrder[i]!)) results.set(input.account.id, inOrder[i]!); });
  inputs.forEach((input, i) => { if (undecided(inOrder[i]!)) results.set(input.account.id, inOrder[i]!); });
  return results;
}
