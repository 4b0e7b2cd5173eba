// Figures that appear in more than one place (the API, the CLI, the web app) carry one label
// from here, so a person who reads a number in the terminal finds it under the same words on
// the dashboard. docs/figures.md gives each one's definition and where it appears.

export const FIGURE_LABELS = {
  /** Accounts whose activity status is current or active: they bought within the active window. */
  buyingNow: 'Accounts buying now',
  /** An account's median gap between its purchase days. */
  timeBetweenPurchases: 'Time between purchases (median)',
} as const;

/** The account list's status filter value that selects the accounts buying now. */
export const BUYING_NOW_FILTER = 'buying_now';

/** A number of days as people read it: one decimal at most, "54.5 days", "30 days", "1 day". */
export function daysWords(days: number): string {
  const rounded = Math.round(days * 10) / 10;
  return `${rounded.toLocaleString('en-GB', { maximumFractionDigits: 1 })} day${rounded === 1 ? '' : 's'}`;
}

/** How many likely duplicate pairs of one kind of record were found: "339 likely duplicate pairs of accounts". */
export function duplicatePairsWords(kind: 'account' | 'contact', pairs: number): string {
  return `${pairs.toLocaleString('en-GB')} likely duplicate pair${pairs === 1 ? '' : 's'} of ${kind}s`;
}
