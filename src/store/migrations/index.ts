// Migrations are listed here rather than read from disk so they work the same under tsx,
// vitest and a bundled build. Names sort in the order they must run.
import type { Migration, MigrationProvider } from 'kysely';
import * as customerFile from './0001-customer-file.js';
import * as importRuns from './0002-import-runs.js';
import * as mergedRecords from './0003-merged-records.js';
import * as portfolioAnalysis from './0004-portfolio-analysis.js';
import * as classMovementIndexes from './0005-class-movement-indexes.js';
import * as ordersPurchaseColumns from './0006-orders-purchase-columns.js';
import * as incrementalPurchaseDays from './0007-incremental-purchase-days.js';
import * as accountHistoryStart from './0008-account-history-start.js';
import * as creditNotes from './0009-credit-notes.js';
import * as goalMoneyTargets from './0010-goal-money-targets.js';
import * as classValueAndGap from './0011-class-value-and-gap.js';
import * as explainedOnRead from './0012-explained-on-read.js';
import * as orderCurrencies from './0013-order-currencies.js';
import * as dismissedDuplicates from './0014-dismissed-duplicates.js';
import * as interruptedImports from './0016-interrupted-imports.js';
import * as userLanguage from './0017-user-language.js';
import * as searchPendingList from './0019-search-pending-list.js';

const migrations: Record<string, Migration> = {
  '0001-customer-file': customerFile,
  '0002-import-runs': importRuns,
  '0003-merged-records': mergedRecords,
  '0004-portfolio-analysis': portfolioAnalysis,
  '0005-class-movement-indexes': classMovementIndexes,
  '0006-orders-purchase-columns': ordersPurchaseColumns,
  '0007-incremental-purchase-days': incrementalPurchaseDays,
  '0008-account-history-start': accountHistoryStart,
  '0009-credit-notes': creditNotes,
  '0010-goal-money-targets': goalMoneyTargets,
  '0011-class-value-and-gap': classValueAndGap,
  '0012-explained-on-read': explainedOnRead,
  '0013-order-currencies': orderCurrencies,
  '0014-dismissed-duplicates': dismissedDuplicates,
  '0016-interrupted-imports': interruptedImports,
  '0017-user-language': userLanguage,
  '0019-search-pending-list': searchPendingList,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
