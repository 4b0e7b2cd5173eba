// Everything at once for a portfolio as of a day: one classification record per account
// (each class with its rule and figures) and the portfolio-level figures and analyses.
// Orders after the as-of day, and orders of accounts not in the list, are ignored.
import { type AbcClass } from '../../domain/portfolio/classes.js';
import { classifyValueInOrder } from './abc.js';
import type { ClassFigures } from './classify-columns.js';
import { utcDay } from './calendar.js';
import { aliveSignal, type ChurnSignal, churnSignals } from './churn-signals.js';
import { CHURN_SIGNAL_KINDS, type ChurnSignalKind } from '../../domain/portfolio/classes.js';
import { FREQUENCY_CLASSES, type FrequencyClass } from '../../domain/portfolio/classes.js';
import { classifyFrequency } from './frequency.js';
import { type Goal, type GoalProgress, goalProgress } from './goals.js';
import { type GrowthPotential, growthPotentials } from './growth-potential.js';
import { type InactiveAccount, analyseInactive } from './inactive.js';
import { periodRevenue } from './purchase-windows.js';
import { type RfmAnalysis, type RfmClass, classifyRfmInOrder } from './rfm.js';
import { SECTION_DIMENSIONS, type SectionDimension } from '../../domain/portfolio/sections.js';
import { type Section, type SectionRow, sectionsBy } from './sections.js';
import { type PortfolioSettings, type PortfolioSettingsInput, resolvePortfolioSettings } from '../../domain/portfolio/settings.js';
import { BUYING_NOW, STATUS_CLASSES, type StatusClass } from '../../domain/portfolio/classes.js';
import { classifyStatusesInOrder } from './status.js';
import { buildHistories, emptyHistory, summarizeHistory } from './summarize.js';
import { TEAM_DIMENSIONS, type TeamAnalysis, type TeamDimension, analyseTeam } from './team.js';
import type { AccountFact, AccountSummary, Classification, NoteFact, OrderFact, PurchaseHistory, StatusChangeFact } from '../../domain/portfolio/facts.js';
import { VOLUME_TIERS, type VolumeTier } from '../../domain/portfolio/classes.js';
import { type VolumeTiers, classifyVolumeTiersInOrder } from './volume-tier.js';

export interface PortfolioInput {
  asOf: string;
  accounts: readonly AccountFact[];
  /** The orders that count as purchases; or, instead, `histories`. */
  orders?: readonly OrderFact[];
  /** Each account's purchase days, as the store keeps them: same-day orders already merged. */
  histories?: readonly PurchaseHistory[];
  settings?: PortfolioSettingsInput;
  statusChanges?: readonly StatusChangeFact[];
  notes?: readonly NoteFact[];
  goals?: readonly Goal[];
  /** Each account's probability of being alive from the BG/NBD model, when one was fitted. */
  pAlive?: ReadonlyMap<number, number>;
}

export interface AccountClassification {
  accountId: number;
  summary: AccountSummary;
  status: Classification<StatusClass>;
  volumeTier: Classification<VolumeTier>;
  frequency: Classification<FrequencyClass>;
  abc: Classification<AbcClass>;
  rfm: Classification<RfmClass>;
  churnSignals: ChurnSignal[];
}

export interface PortfolioFigures extends ClassFigures {
  sections: Record<SectionDimension, Section[]>;
  team: Record<TeamDimension, TeamAnalysis>;
  /** The accounts buying now, most room to grow first. */
  growth: GrowthPotential[];
  /** The inactive accounts, most worth recovering first. */
  inactive: InactiveAccount[];
  goals: GoalProgress[];
}

export interface PortfolioClassification {
  asOf: string;
  settings: PortfolioSettings;
  accounts: AccountClassification[];
  portfolio: PortfolioFigures;
}

const withAlive = (signals: ChurnSignal[], alive: ChurnSignal | null) => (alive ? [...signals, alive] : signals);

/** The portfolio-level part of an analysis, without its per-account classes. */
function withoutClasses<T extends { classes: unknown }>({ classes: _, ...rest }: T): Omit<T, 'classes'> {
  return rest;
}

function countBy<C extends string>(classes: readonly C[], values: Iterable<C>): Record<C, number> {
  const counts = Object.fromEntries(classes.map((c) => [c, 0])) as Record<C, number>;
  for (const value of values) counts[value] += 1;
  return counts;
}

/**
 * Each account's history, in the accounts' order (by id). The store lists histories by account
 * id, so one pass pairs them up; histories of unknown accounts are left out, and of two
 * histories of one account the later counts, as a map keyed by account would keep it.
 */
function historiesOf(accounts: readonly AccountFact[], histories: readonly PurchaseHistory[]): (PurchaseHistory | undefined)[] {
  for (let i = 1; i < histories.length; i++) {
    if (histories[i - 1]!.accountId > histories[i]!.accountId) {
      const byId = new Map(histories.map((history) => [history.accountId, history]));
      return accounts.map((account) => byId.get(account.id));
    }
  }
  const paired = new Array<PurchaseHistory | undefined>(accounts.length);
  let next = 0;
  accounts.forEach((account, i) => {
    while (next < histories.length && histories[next]!.accountId < account.id) next++;
    for (let j = next; j < histories.length && histories[j]!.accountId === account.id; j++) paired[i] = histories[j];
  });
  return paired;
}

export function classifyPortfolio(input: PortfolioInput): PortfolioClassification {
  const settings = resolvePortfolioSettings(input.settings);
  const asOf = utcDay(input.asOf);
  const accounts = [...input.accounts].sort((a, b) => a.id - b.id);
  const orders = input.orders ?? [];
  let histories: (PurchaseHistory | undefined)[];
  if (input.histories) histories = historiesOf(accounts, input.histories);
  else {
    const known = new Set(accounts.map((account) => account.id));
    const built = buildHistories(orders.filter((order) => known.has(order.accountId)));
    histories = accounts.map((account) => built.get(account.id));
  }
  const summaries = accounts.map((account, i) => summarizeHistory(histories[i] ?? emptyHistory(account.id), asOf));
  const pairs = accounts.map((account, i) => ({ account, summary: summaries[i]! }));

  // Each rule's classes come in the accounts' order: no lookups by id for a million accounts.
  const statuses = classifyStatusesInOrder(pairs, settings);
  const tiers = classifyVolumeTiersInOrder(summaries, settings);
  const abc = classifyValueInOrder(summaries, statuses.map((status) => status.class === 'inactive'), settings);
  const rfm = classifyRfmInOrder(summaries);

  const records: AccountClassification[] = pairs.map(({ account, summary }, i) => {
    const status = statuses[i]!;
    return {
      accountId: account.id,
      summary,
      status,
      volumeTier: tiers.classes[i]!,
      frequency: classifyFrequency(summary, settings),
      abc: abc.classes[i]!,
      rfm: rfm.classes[i]!,
      churnSignals: BUYING_NOW.has(status.class) ? withAlive(churnSignals(summary, settings), aliveSignal(input.pAlive?.get(account.id) ?? null, abc.classes[i]!.class, settings)) : [],
    };
  });

  const rows: SectionRow[] = sectionRows(accounts, records, settings);
  const buying = pairs.filter((_, i) => BUYING_NOW.has(statuses[i]!.class));
  const inactive = pairs.filter((_, i) => statuses[i]!.class === 'inactive');

  return {
    asOf,
    settings,
    accounts: records,
    portfolio: {
      accounts: accounts.length,
      buyers: summaries.filter((summary) => summary.orderCount > 0).length,
      statuses: countBy(STATUS_CLASSES, records.map((r) => r.status.class)),
      volumeTiers: { ...tiers.analysis, counts: countBy(VOLUME_TIERS, records.map((r) => r.volumeTier.class)) },
      frequencies: countBy(FREQUENCY_CLASSES, records.map((r) => r.frequency.class)),
      abc: abc.analysis,
      inactiveAbc: abc.inactiveAnalysis,
      rfm: withoutClasses(rfm),
      churn: {
        accountsWithSignals: records.filter((r) => r.churnSignals.length > 0).length,
        signals: countBy(CHURN_SIGNAL_KINDS, records.flatMap((r) => r.churnSignals.map((s) => s.kind))),
      },
      sections: Object.fromEntries(SECTION_DIMENSIONS.map((d) => [d, sectionsBy(rows, [d])])) as Record<SectionDimension, Section[]>,
      team: Object.fromEntries(TEAM_DIMENSIONS.map((d) => [d, analyseTeam(pairs, input.statusChanges ?? [], d, settings)])) as Record<TeamDimension, TeamAnalysis>,
      growth: growthPotentials(buying, settings)
        .sort((a, b) => (b.potential ?? -1) - (a.potential ?? -1) || a.accountId - b.accountId),
      inactive: analyseInactive({ summaries: inactive.map((p) => p.summary), orders, notes: input.notes ?? [] }, settings)
        .sort((a, b) => b.score - a.score || a.accountId - b.accountId),
      goals: goalProgress(input.goals ?? [], pairs, asOf, settings),
    },
  };
}

/** The rows the sections are cut from, for crossing two dimensions on demand with sectionsBy. */
export function sectionRows(accounts: readonly AccountFact[], records: readonly AccountClassification[], settings: PortfolioSettings): SectionRow[] {
  const row = (account: AccountFact, record: AccountClassification): SectionRow => ({
    account,
    revenue: periodRevenue(record.summary, settings.revenuePeriod),
    everBought: record.summary.orderCount > 0,
    status: record.status.class,
    abc: record.abc.class,
    churnSignals: record.churnSignals.length,
  });
  // A portfolio's own records are its accounts', one each in the same order.
  const aligned = records.length === accounts.length
    && accounts.every((account, i) => account.id === records[i]!.accountId && (i === 0 || accounts[i - 1]!.id < account.id));
  if (aligned) return accounts.map((account, i) => row(account, records[i]!));
  const byId = new Map(records.map((record) => [record.accountId, record]));
  return accounts.flatMap((account) => {
    const record = byId.get(account.id);
    return record ? [row(account, record)] : [];
  });
}
