// The short summary an orders import prints before its rows: what it creates, what it does with
// guest lines, which countries it recognised, its credit notes and the totals they make.
import type { OrderImportSummary } from '../services/import/order-summary.js';
import { formatFields } from './format-output.js';
import { count, money } from './locale-format.js';

const lines = (n: number) => `${count(n)} line${n === 1 ? '' : 's'}`;
const SHOWN_PLACES = 8;

function listed<T>(items: readonly T[], show: (item: T) => string): string {
  const shown = items.slice(0, SHOWN_PLACES).map(show).join(', ');
  return items.length > SHOWN_PLACES ? `${shown} and ${count(items.length - SHOWN_PLACES)} more` : shown;
}

/** The summary as label/value lines; `dryRun` words what would happen. */
export function importSummaryText(summary: OrderImportSummary, dryRun: boolean): string {
  const amount = (decimal: string) => money(decimal, summary.currency);
  const will = (done: string, toBe: string) => (dryRun ? toBe : done);
  const fields: [string, string][] = [];
  if (summary.accountsCreated !== null) {
    fields.push([will('accounts created', 'accounts to create'), summary.createAccounts || summary.accountsCreated > 0
      ? count(summary.accountsCreated) : '0 (only existing accounts: lines of others are refused)']);
  }
  const { guests } = summary;
  if (guests.lines > 0 || guests.handling === 'leave-out') {
    fields.push(['guest lines (no customer)', guests.handling === 'walk-in'
      ? `${lines(guests.lines)} worth ${amount(guests.amount)}, ${will('kept', 'to keep')} as orders of "${guests.account}"${summary.walkIn ? ` (${count(summary.walkIn.orders)} orders)` : ''}`
      : `${lines(guests.lines)} worth ${amount(guests.amount)} ${will('left out', 'to leave out')} (--guests walk-in keeps them)`]);
  }
  if (summary.countries) {
    const { recognised, unknown, notStated } = summary.countries;
    fields.push(['countries recognised', recognised.length ? `${count(recognised.length)}: ${listed(recognised, (c) => `${c.code} (${lines(c.lines)})`)}` : 'none']);
    if (unknown.length) fields.push(['⚠ not a country, kept as region', listed(unknown, (p) => `"${p.text}" (${lines(p.lines)})`)]);
    if (notStated) fields.push(['country not stated', lines(notStated)]);
  }
  if (summary.orders) fields.push(['orders', `${count(summary.orders.count)} worth ${amount(summary.orders.amount)}`]);
  if (summary.creditNotes) {
    const c = summary.creditNotes;
    const links = [c.linked ? `${count(c.linked)} linked to the invoice they cancel` : '', c.namedNotFound ? `${count(c.namedNotFound)} ${c.namedNotFound === 1 ? 'names' : 'name'} an invoice not found` : ''].filter(Boolean).join('; ');
    fields.push(['credit notes (cancellations)', c.count ? `${count(c.count)} worth ${amount(c.amount)}${links ? ` (${links})` : ''}` : 'none']);
  }
  if (summary.netRevenue !== null) fields.push(['net revenue', amount(summary.netRevenue)]);
  return fields.length ? `\nSummary:\n${formatFields(fields)}` : '';
}
