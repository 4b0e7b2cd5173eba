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
import { activityIn } from './purchase-windows.js';
import type { PortfolioSettings } from './settings.js';
import type { AccountFact, AccountSummary, Classification, Figures } from './types.js';
import { days, listWords, percent } from './wording.js';

export const STATUS_CLASSES = ['current', 'active', 'inactive', 'potential', 'probable', 'unqualified', 'ex_customer'] as const;
export type StatusClass = (typeof STATUS_CLASSES)[number];
export type StatusClassification = Classification<StatusClass>;

/** Classes of accounts that bought within the active window. */
export const BUYING_NOW: ReadonlySet<StatusClass> = new Set(['current', 'active']);

export interface StatusInput {
  account: AccountFact;
  summary: AccountSummary;
}

const PROFILE_FIELDS = ['segment', 'sector', 'size'] as const;

/** The profile key over the fields selected by the bits of `mask`. */
function profileKey(account: AccountFact, mask: number): string | null {
  const parts: (string | null)[] = [];
  for (let bit = 0; bit < PROFILE_FIELDS.length; bit++) {
    if (mask & (1 << bit)) {
      const value = account[PROFILE_FIELDS[bit]!];
      if (value === null) return null;
      parts.push(value);
    }
  }
  return JSON.stringify([mask, ...parts]);
}

function filledMask(account: AccountFact): number {
  return PROFILE_FIELDS.reduce((mask, field, bit) => (account[field] === null ? mask : mask | (1 << bit)), 0);
}

function purchaseStatus(input: StatusInput, window: number): StatusClassification | null {
  const { account, summary } = input;
  const figures: Figures = {
    lifecycleStatus: account.status,
    lastPurchase: summary.lastPurchase,
    daysSinceLastPurchase: summary.daysSinceLastPurchase,
    activeWindowDays: window,
  };
  if (account.status === 'ex_customer') {
    return { class: 'ex_customer', rule: 'Recorded as an ex-customer: the relationship has ended.', figures };
  }
  if (summary.orderCount === 0) return null;
  const now = activityIn(summary, window);
  const before = activityIn(summary, window, window);
  figures.purchasesInWindow = now.purchases;
  figures.purchasesInPreviousWindow = before.purchases;
  const span = days(window);
  if (now.purchases > 0 && before.purchases > 0) {
    return { class: 'current', rule: `Bought within the last ${span} and within the ${span} before: an ongoing customer.`, figures };
  }
  if (now.purchases > 0) {
    return { class: 'active', rule: `Bought within the last ${span} but not in the ${span} before: new or returning.`, figures };
  }
  return { class: 'inactive', rule: `Has bought before, but not within the last ${span}.`, figures };
}

/** The status of every account; each account needs its summary (an empty one if it never bought). */
export function classifyStatuses(inputs: readonly StatusInput[], settings: PortfolioSettings): Map<number, StatusClassification> {
  const { activeWindowDays, probableMinShare, probableMinCustomers } = settings.status;
  const results = new Map<number, StatusClassification>();
  const undecided: StatusInput[] = [];
  for (const input of inputs) {
    const status = purchaseStatus(input, activeWindowDays);
    if (status) results.set(input.account.id, status);
    else undecided.push(input);
  }

  // How many active customers have each profile, for every combination of the three fields.
  const profiles = new Map<string, number>();
  let activeCustomers = 0;
  for (const input of inputs) {
    if (!BUYING_NOW.has(results.get(input.account.id)?.class ?? 'unqualified')) continue;
    activeCustomers += 1;
    for (let mask = 1; mask < 1 << PROFILE_FIELDS.length; mask++) {
      const key = profileKey(input.account, mask);
      if (key !== null) profiles.set(key, (profiles.get(key) ?? 0) + 1);
    }
  }

  for (const { account } of undecided) {
    const figures: Figures = {
      lifecycleStatus: account.status,
      hasInterest: account.hasInterest ? 'yes' : 'no',
      hasFinancialCapacity: account.hasFinancialCapacity ? 'yes' : 'no',
    };
    if (account.hasInterest && account.hasFinancialCapacity) {
      results.set(account.id, { class: 'potential', rule: 'Has never bought, has shown interest and has the means to buy.', figures });
      continue;
    }
    const mask = filledMask(account);
    const alike = mask === 0 ? 0 : profiles.get(profileKey(account, mask)!) ?? 0;
    const share = activeCustomers === 0 ? 0 : alike / activeCustomers;
    Object.assign(figures, {
      segment: account.segment, sector: account.sector, size: account.size,
      alikeActiveCustomers: alike, activeCustomers, alikeShare: Math.round(share * 10_000) / 10_000,
    });
    const fields = listWords(PROFILE_FIELDS.filter((field) => account[field] !== null));
    if (mask !== 0 && alike >= probableMinCustomers && share >= probableMinShare) {
      results.set(account.id, {
        class: 'probable',
        rule: `Has never bought, but ${alike} of the ${activeCustomers} active customers (${percent(share, 1)}) share its ${fields}.`,
        figures,
      });
    } else {
      const profile = mask === 0
        ? 'its segment, sector and size are unknown'
        : `only ${alike} active customer${alike === 1 ? '' : 's'} (${percent(share, 1)}) share${alike === 1 ? 's' : ''} its ${fields}`;
      results.set(account.id, {
        class: 'unqualified',
        rule: `Has never bought, has not shown both interest and the means to buy, and ${profile} `
          + `(probable needs at least ${probableMinCustomers} and ${percent(probableMinShare, 1)}).`,
        figures,
      });
    }
  }
  return results;
}
