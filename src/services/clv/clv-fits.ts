// The latest fitted model per (as-of day, unit, scope), kept in memory so the API's views
// do not refit the portfolio on every request.
//
// An entry is reused while the stored purchases are unchanged (store.purchaseHistories.version()
// is read on each request: a count and sums over one row per account). Once they change, the
// next request fits again, but no sooner than a minute after the entry's fit: in a busy
// portfolio orders arrive all the time, and population parameters barely move with a few of
// them. An account's own outlook always reads its current purchases, so its new order shows at
// once; the parameters and the portfolio totals lag by at most that minute.
//
// A rep limited to their portfolio gets a fit of their accounts alone, cached under their own
// scope. Fits run in a worker thread; concurrent requests for the same entry share one fit; a
// failed fit is not kept. The cache holds the most recently used entries only and lives as
// long as the server process.
import type { ClvModel, PortfolioTotals, PredictionSettings } from '../../analytics/clv/predict-portfolio.js';
import type { AccountScope } from '../../domain/access.js';
import type { Store } from '../../store/store.js';
import { runInWorker } from './run-in-worker.js';

export interface ClvFitsOptions {
  /** Entries kept; the least recently used goes first. */
  maxEntries?: number;
  /** The shortest time between two fits of one entry when the purchases keep changing. */
  minRefitMs?: number;
  now?: () => number;
}

export interface CachedFit {
  model: ClvModel;
  fittedAt: string;
  /** Portfolio totals already computed with this model, by horizon and discount rate. */
  totals: Map<string, Promise<PortfolioTotals>>;
}

interface Entry {
  version: string;
  /** When the fit was asked for, by the options' clock. */
  startedAt: number;
  fit: Promise<CachedFit>;
}

const MAX_TOTALS_PER_FIT = 8;

const totalsKey = (settings: PredictionSettings) => `${settings.horizonMonths}|${settings.discountRatePerYear}`;

export class ClvFits {
  private readonly entries = new Map<string, Entry>();
  private readonly maxEntries: number;
  private readonly minRefitMs: number;
  private readonly now: () => number;

  constructor(private readonly store: Store, options: ClvFitsOptions = {}) {
    this.maxEntries = options.maxEntries ?? 16;
    this.minRefitMs = options.minRefitMs ?? 60_000;
    this.now = options.now ?? Date.now;
  }

  /** The fit for these settings' day and unit and this scope, fitting (in a worker) when none is current. */
  async fit(settings: PredictionSettings, scope: AccountScope): Promise<CachedFit> {
    const key = `${settings.asOf}|${settings.unit}|${scope.ownerId ?? 'all'}`;
    const version = await this.store.purchaseHistories.version();
    const current = this.entries.get(key);
    if (current && (current.version === version || this.now() - current.startedAt < this.minRefitMs)) {
      // Most recently used last, so the oldest is the first to go.
      this.entries.delete(key);
      this.entries.set(key, current);
      return current.fit;
    }
    const fit = this.compute(settings, scope);
    this.entries.delete(key);
    this.entries.set(key, { version, startedAt: this.now(), fit });
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    // A failed fit is not kept: the next request tries again.
    fit.catch(() => { if (this.entries.get(key)?.fit === fit) this.entries.delete(key); });
    return fit;
  }

  /** The portfolio totals over a horizon, scored with the cached model. */
  async totals(settings: PredictionSettings, scope: AccountScope): Promise<{ fit: CachedFit; totals: PortfolioTotals }> {
    const fit = await this.fit(settings, scope);
    const key = totalsKey(settings);
    let totals = fit.totals.get(key);
    if (!totals) {
      totals = this.score(settings, scope, fit.model);
      fit.totals.set(key, totals);
      if (fit.totals.size > MAX_TOTALS_PER_FIT) fit.totals.delete(fit.totals.keys().next().value!);
      totals.catch(() => fit.totals.delete(key));
    }
    return { fit, totals: await totals };
  }

  private async compute(settings: PredictionSettings, scope: AccountScope): Promise<CachedFit> {
    const histories = await this.store.purchaseHistories.list(undefined, scope);
    // The totals of the horizon asked for come with the fit, at no extra read.
    const { model, portfolio } = await runInWorker('portfolio', { histories, ...settings });
    return { model, fittedAt: new Date().toISOString(), totals: new Map([[totalsKey(settings), Promise.resolve(portfolio)]]) };
  }

  private async score(settings: PredictionSettings, scope: AccountScope, model: ClvModel): Promise<PortfolioTotals> {
    const histories = await this.store.purchaseHistories.list(undefined, scope);
    return (await runInWorker('portfolio', { histories, ...settings, model })).portfolio;
  }
}
