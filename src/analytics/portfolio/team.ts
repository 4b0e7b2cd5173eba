// The team: per rep, and per rep and account type (segment or size), the accounts held,
// their revenue over the settings' period, retention and prospect conversion; and, for each
// account type, which rep does best at each of those rates.
//   retention   of the accounts that bought in the previous active window, the share that
//               bought in the current one;
//   conversion  of the accounts that were suspects, leads or prospects at some point of the
//               current window (the status changes say when), the share that became a
//               customer or partner within it.
// Accounts are credited to their owner today; unassigned accounts form their own row.
import type { AccountStatus } from '../../domain/customer-file.js';
import { type Cents, cents } from '../../domain/money.js';
import { daysBefore, utcDay } from './calendar.js';
import { periodRevenue, purchaseDaysBetween } from './purchase-windows.js';
import type { PortfolioSettings } from '../../domain/portfolio/settings.js';
import { statusOn } from './status-history.js';
import type { AccountFact, AccountSummary, StatusChangeFact } from '../../domain/portfolio/facts.js';

export const TEAM_DIMENSIONS = ['segment', 'size'] as const;
export type TeamDimension = (typeof TEAM_DIMENSIONS)[number];

const PROSPECTING: ReadonlySet<AccountStatus | null> = new Set(['suspect', 'lead', 'prospect']);
const WON: ReadonlySet<AccountStatus | null> = new Set(['customer', 'partner']);

export interface TeamFigures {
  accounts: number;
  revenue: Cents;
  revenuePerAccount: number | null;
  activePreviously: number;
  retained: number;
  retentionRate: number | null;
  prospects: number;
  converted: number;
  conversionRate: number | null;
}

export interface RepFigures extends TeamFigures {
  ownerId: number | null;
}

export interface RepTypeFigures extends RepFigures {
  accountType: string | null;
}

export interface Leader {
  ownerId: number;
  value: number;
  /** The accounts behind the value: held, previously active, or prospects. */
  sample: number;
}

export interface TypeLeaders {
  accountType: string | null;
  revenuePerAccount: Leader | null;
  retentionRate: Leader | null;
  conversionRate: Leader | null;
}

export interface TeamAnalysis {
  dimension: TeamDimension;
  byRep: RepFigures[];
  byRepAndType: RepTypeFigures[];
  leaders: TypeLeaders[];
}

export interface TeamInput {
  account: AccountFact;
  summary: AccountSummary;
}

interface Tally {
  accounts: number;
  revenue: number;
  activePreviously: number;
  retained: number;
  prospects: number;
  converted: number;
}

const emptyTally = (): Tally => ({ accounts: 0, revenue: 0, activePreviously: 0, retained: 0, prospects: 0, converted: 0 });

function figures(t: Tally): TeamFigures {
  return {
    accounts: t.accounts,
    revenue: cents(t.revenue),
    revenuePerAccount: t.accounts === 0 ? null : t.revenue / t.accounts,
    activePreviously: t.activePreviously,
    retained: t.retained,
    retentionRate: t.activePreviously === 0 ? null : t.retained / t.activePreviously,
    prospects: t.prospects,
    converted: t.converted,
    conversionRate: t.prospects === 0 ? null : t.converted / t.prospects,
  };
}

function leader(cells: readonly RepTypeFigures[], rate: 'revenuePerAccount' | 'retentionRate' | 'conversionRate', minSample: number): Leader | null {
  const sampleOf = (cell: RepTypeFigures) =>
    rate === 'revenuePerAccount' ? cell.accounts : rate === 'retentionRate' ? cell.activePreviously : cell.prospects;
  let best: Leader | null = null;
  for (const cell of cells) {
    const value = cell[rate];
    const sample = sampleOf(cell);
    if (cell.ownerId === null || value === null || sample < minSample) continue;
    const better = !best || value > best.value || (value === best.value && (sample > best.sample
      || (sample === best.sample && cell.ownerId < best.ownerId)));
    if (better) best = { ownerId: cell.ownerId, value, sample };
  }
  return best;
}

/** One account as the team reads it: whether it bought in the previous and in the current active window, and its period revenue. */
export interface TeamRow {
  account: AccountFact;
  asOf: string;
  activeBefore: boolean;
  activeNow: boolean;
  revenue: number;
}

export function analyseTeam(
  inputs: readonly TeamInput[],
  statusChanges: readonly StatusChangeFact[],
  dimension: TeamDimension,
  settings: PortfolioSettings,
): TeamAnalysis {
  const window = settings.status.activeWindowDays;
  function* rows(): Iterable<TeamRow> {
    let windowsAsOf: string | undefined;
    let windowStart = '';
    let previousStart = '';
    for (const { account, summary } of inputs) {
      if (summary.asOf !== windowsAsOf) {
        windowsAsOf = summary.asOf;
        windowStart = daysBefore(summary.asOf, window);
        previousStart = daysBefore(summary.asOf, 2 * window);
      }
      yield {
        account, asOf: summary.asOf,
        activeBefore: purchaseDaysBetween(summary, previousStart, windowStart) > 0,
        activeNow: purchaseDaysBetween(summary, windowStart, summary.asOf) > 0,
        revenue: periodRevenue(summary, settings.revenuePeriod),
      };
    }
  }
  return analyseTeamRows(rows(), statusChanges, dimension, settings);
}

/** The team from each account's row (TeamRow): what a run computes from its columns. */
export function analyseTeamRows(
  inputs: Iterable<TeamRow>,
  statusChanges: readonly StatusChangeFact[],
  dimension: TeamDimension,
  settings: PortfolioSettings,
): TeamAnalysis {
  const window = settings.status.activeWindowDays;
  const changesByAccount = new Map<number, StatusChangeFact[]>();
  for (const change of statusChanges) {
    const list = changesByAccount.get(change.accountId) ?? [];
    list.push(change);
    changesByAccount.set(change.accountId, list);
  }

  type Cell = { ownerId: number | null; accountType: string | null; tally: Tally };
  const byRep = new Map<number | null, Tally>();
  // Cells by owner, then account type (unknown ones, null or undefined, together); and in the order first met.
  const byCell = new Map<number | null, Map<string | null, Cell>>();
  const cellsMet: Cell[] = [];
  let windowsAsOf: string | undefined;
  let windowStart = '';
  for (const { account, asOf, activeBefore, activeNow, revenue } of inputs) {
    const created = utcDay(account.since);
    if (created > asOf) continue;
    if (asOf !== windowsAsOf) {
      windowsAsOf = asOf;
      windowStart = daysBefore(asOf, window);
    }
    const changes = changesByAccount.get(account.id);
    let wasProspect: boolean;
    let converted = false;
    if (!changes) {
      // Without recorded changes, its status then was its status now, once it existed.
      wasProspect = created <= windowStart && PROSPECTING.has(account.status);
    } else {
      const inWindow = changes.filter((c) => {
        const day = utcDay(c.changedAt);
        return day > windowStart && day <= asOf;
      });
      wasProspect = PROSPECTING.has(statusOn(account, changes, windowStart))
        || inWindow.some((c) => PROSPECTING.has(c.fromStatus) || PROSPECTING.has(c.toStatus));
      converted = inWindow.some((c) => PROSPECTING.has(c.fromStatus) && WON.has(c.toStatus));
    }

    const accountType = account[dimension];
    let types = byCell.get(account.ownerId ?? null);
    if (!types) byCell.set(account.ownerId ?? null, types = new Map());
    let cell = types.get(accountType ?? null);
    if (!cell) {
      types.set(accountType ?? null, cell = { ownerId: account.ownerId, accountType, tally: emptyTally() });
      cellsMet.push(cell);
    }
    let rep = byRep.get(account.ownerId);
    if (!rep) byRep.set(account.ownerId, rep = emptyTally());
    for (let k = 0; k < 2; k++) {
      const tally = k === 0 ? cell.tally : rep;
      tally.accounts += 1;
      tally.revenue += revenue;
      if (activeBefore) tally.activePreviously += 1;
      if (activeBefore && activeNow) tally.retained += 1;
      if (wasProspect) tally.prospects += 1;
      if (wasProspect && converted) tally.converted += 1;
    }
  }

  const byOwner = (a: number | null, b: number | null) => (a === null ? 1 : b === null ? -1 : a - b);
  const cells = cellsMet
    .map(({ ownerId, accountType, tally }): RepTypeFigures => ({ ownerId, accountType, ...figures(tally) }))
    .sort((a, b) => byOwner(a.ownerId, b.ownerId) || String(a.accountType).localeCompare(String(b.accountType)));
  const types = [...new Set(cells.map((cell) => cell.accountType))].sort((a, b) => String(a).localeCompare(String(b)));
  const { minSample } = settings.team;
  return {
    dimension,
    byRep: [...byRep].map(([ownerId, tally]) => ({ ownerId, ...figures(tally) })).sort((a, b) => byOwner(a.ownerId, b.ownerId)),
    byRepAndType: cells,
    leaders: types.map((accountType) => {
      const ofType = cells.filter((cell) => cell.accountType === accountType);
      return {
        accountType,
        revenuePerAccount: leader(ofType, 'revenuePerAccount', minSample),
        retentionRate: leader(ofType, 'retentionRate', minSample),
        conversionRate: leader(ofType, 'conversionRate', minSample),
      };
    }),
  };
}
