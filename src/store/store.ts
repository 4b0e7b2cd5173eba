// The one store interface the services, the CLI and the API use. Everything SQL lives below it.
import type { Connection, Engine } from './connection.js';
import type { Executor } from './executor.js';
import { accountsRepository } from './repositories/accounts.js';
import { accountValuesRepository } from './repositories/account-values.js';
import { analysisFactsRepository } from './repositories/analysis-facts.js';
import { analysisRunsRepository } from './repositories/analysis-runs.js';
import { runViewsRepository } from './repositories/run-views.js';
import { auditRepository } from './repositories/audit.js';
import { backupsRepository } from './repositories/backups.js';
import { bulkPortfolioRepository } from './repositories/bulk-portfolio.js';
import { contactsRepository } from './repositories/contacts.js';
import { duplicatesRepository } from './repositories/duplicates.js';
import { exchangeRatesRepository } from './repositories/exchange-rates.js';
import { exportsRepository } from './repositories/exports.js';
import { importRunsRepository } from './repositories/import-runs.js';
import { interactionsRepository } from './repositories/interactions.js';
import { mergesRepository } from './repositories/merges.js';
import { ordersRepository } from './repositories/orders.js';
import { productsRepository } from './repositories/products.js';
import { portfolioColumnsRepository } from './repositories/portfolio-columns.js';
import { purchaseHistoriesRepository } from './repositories/purchase-histories.js';
import { recommendationFactsRepository } from './repositories/recommendation-facts.js';
import { settingsRepository } from './repositories/settings.js';
import { tasksRepository } from './repositories/tasks.js';
import { timelineRepository } from './repositories/timeline.js';
import { apiTokensRepository, sessionsRepository, usersRepository } from './repositories/users.js';

function repositories(db: Executor) {
  return {
    accounts: accountsRepository(db),
    accountValues: accountValuesRepository(db),
    contacts: contactsRepository(db),
    products: productsRepository(db),
    orders: ordersRepository(db),
    exchangeRates: exchangeRatesRepository(db),
    interactions: interactionsRepository(db),
    tasks: tasksRepository(db),
    timeline: timelineRepository(db),
    users: usersRepository(db),
    sessions: sessionsRepository(db),
    apiTokens: apiTokensRepository(db),
    settings: settingsRepository(db),
    audit: auditRepository(db),
    importRuns: importRunsRepository(db),
    duplicates: duplicatesRepository(db),
    merges: mergesRepository(db),
    exports: exportsRepository(db),
    purchaseHistories: purchaseHistoriesRepository(db),
    portfolioColumns: portfolioColumnsRepository(db),
    analysisFacts: analysisFactsRepository(db),
    analysisRuns: analysisRunsRepository(db),
    runViews: runViewsRepository(db),
    recommendationFacts: recommendationFactsRepository(db),
  };
}

export type Repositories = ReturnType<typeof repositories>;

export interface Store extends Repositories {
  engine: Engine;
  /** Runs the callback in one transaction; nested calls join the outer one. */
  transaction<T>(work: (tx: Store) => Promise<T>): Promise<T>;
  connection: Connection;
  /** The portfolio's size, and a generated one loaded with COPY. */
  bulkPortfolio: ReturnType<typeof bulkPortfolioRepository>;
  /** Backup and restore: a consistent snapshot of the tables, and loading them back. */
  backups: ReturnType<typeof backupsRepository>;
}

function build(connection: Connection, db: Executor, inTransaction: boolean): Store {
  const store: Store = {
    ...repositories(db),
    engine: connection.engine,
    connection,
    bulkPortfolio: bulkPortfolioRepository(connection, db),
    backups: backupsRepository(connection, db),
    transaction: (work) =>
      inTransaction ? work(store) : db.transaction().execute((trx) => work(build(connection, trx, true))),
  };
  return store;
}

/** A store over one session already inside a transaction (a bulk load's COPY session). */
export function sessionStore(connection: Connection, db: Executor): Store {
  return build(connection, db, true);
}

export function createStore(connection: Connection): Store {
  return build(connection, connection.db, false);
}
