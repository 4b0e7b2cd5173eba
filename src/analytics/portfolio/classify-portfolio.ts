// Everything at once for a portfolio as of a day: one classification record per account
// (each class with its rule and figures) and the portfolio-level figures and analyses.
// Orders after the as-of day, and orders of accounts not in the list, are ignored.
import { type AbcAnalysis, type AbcClass, classifyAbc } from './abc.js';
import { utcDay } from './calendar.js';
import { aliveSignal, type ChurnSignal, CHURN_SIGNAL_KINDS, type ChurnSignalKind, churnSignals } from './churn-signals.js';
import { FREQUENCY_CLASSES, type FrequencyClass, classifyFrequency } from './frequency.js';
import { type Goal, type GoalProgress, goalProgress } from './goals.js';
import { type GrowthPotential, growthPotentials } from './growth-potential.js';
import { type InactiveAccount, analyseInactive } from './inactive.js';
import { periodRevenue } from './purchase-windows.js';
import { type RfmAnalysis, type RfmClass, classifyRfm } from './rfm.js';
import { SECTION_DIMENSIONS, type Section, type SectionDimension, type SectionRow, sectionsBy } from './sections.js';
import { type PortfolioSettings, type PortfolioSettingsInput, resolvePortfolioSettings } from './settings.js';
import { BUYING_NOW, STATUS_CLASSES, type StatusClass, classifyStatuses } from './status.js';
import { buildHistories, emptyHistory, summarizeHistory } from './summarize.js';
import { TEAM_DIMENSIONS, type TeamAnalysis, type TeamDimension, analyseTeam } from './team.js';
import type {
  AccountFact, AccountSummary, Classification, NoteFact, OrderFact, PurchaseHistory, StatusChangeFact,
} from './types.js';
import { VOLUME_TIERS, type VolumeTier, type VolumeTiers, classifyVolumeTiers } from './volume-tier.js';

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

export interface PortfolioFigures {
  accounts: number;
  buyers: number;
  statuses: Record<StatusClass, number>;
  volumeTiers: Omit<VolumeTiers, 'classes'> & { counts: Record<VolumeTier, number> };
  frequencies: Record<FrequencyClass, number>;
  abc: Omit<AbcAnalysis, 'classes'>;
  rfm: Omit<RfmAnalysis, 'classes'>;
  churn: { accountsWithSignals: number; signals: Record<ChurnSignalKind, number> };
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

export function classifyPortfolio(input: PortfolioInput): PortfolioClassification {
  const settings = resolvePortfolioSettings(input.settings);
  const asOf = utcDay(input.asOf);
  const accounts = [...input.accounts].sort((a, b) => a.id - b.id);
  const known = new Set(accounts.map((account) => account.id));
  const orders = input.orders ?? [];
  const histories = input.histories
    ? new Map(input.histories.filter((history) => known.has(history.accountId)).map((history) => [history.accountId, history]))
    : buildHistories(orders.filter((order) => known.has(order.accountId)));
  const summaries = accounts.map((account) => summarizeHistory(histories.get(account.id) ?? emptyHistory(account.id), asOf));
  const pairs = accounts.map((account, i) => ({ account, summary: summaries[i]! }));

  const statuses = classifyStatuses(pairs, settings);
  const tiers = classifyVolumeTiers(summaries, settings);
  const abc = classifyAbc(summaries, settings);
  const rfm = classifyRfm(summaries);

  const records: AccountClassification[] = pairs.map(({ account, summary }) => {
    const status = statuses.get(account.id)!;
    return {
      accountId: account.id,
      summary,
      status,
      volumeTier: tiers.classes.get(account.id)!,
      frequency: classifyFrequency(summary, settings),
      abc: abc.classes.get(account.id)!,
      rfm: rfm.classes.get(account.id)!,
      churnSignals: BUYING_NOW.has(status.class) ? withAlive(churnSignals(summary, settings), aliveSignal(input.pAlive?.get(account.id) ?? null, abc.classes.get(account.id)!.class, settings)) : [],
    };
  });

  const rows: SectionRow[] = sectionRows(accounts, records, settings);
  const buying = pairs.filter(({ account }) => BUYING_NOW.has(statuses.get(account.id)!.class));
  const inactive = pairs.filter(({ account }) => statuses.get(account.id)!.class === 'inactive');

  return {
    asOf,
    settings,
    accounts: records,
    portfolio: {
      accounts: accounts.length,
      buyers: summaries.filter((summary) => summary.orderCount > 0).length,
      statuses: countBy(STATUS_CLASSES, records.map((r) => r.status.class)),
      volumeTiers: { ...withoutClasses(tiers), counts: countBy(VOLUME_TIERS, records.map((r) => r.volumeTier.class)) },
      frequencies: countBy(FREQUENCY_CLASSES, records.map((r) => r.frequency.class)),
      abc: withoutClasses(abc),
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
  const byId = new Map(records.map((record) => [record.accountId, record]));
  return accounts.flatMap((account) => {
    const record = byId.get(account.id);
    if (!record) return [];
    return [{
      account,
      revenue: periodRevenue(record.summary, settings.revenuePeriod),
      everBought: record.summary.orderCount > 0,
      status: record.status.class,
      abc: record.abc.class,
      churnSignals: record.churnSignals.length,
    }];
  });
}
