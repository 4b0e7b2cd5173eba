// Every top-level command by name, with the line `clientele --help` shows, and how to load its
// code. main.ts loads only the command being run: most commands pull in the store and their
// services, the server pulls in the HTTP stack, and `clientele --version` needs none of it.
import type { Command } from 'commander';

export interface CommandEntry {
  name: string;
  description: string;
  load: () => Promise<Command>;
}

export const COMMANDS: readonly CommandEntry[] = [
  { name: 'serve', description: 'Start the server and web app on the store the environment selects (HOST, PORT, DATABASE_URL, CLIENTELE_DATA_DIR)',
    load: async () => (await import('./commands/serve.js')).serveCommand() },
  { name: 'migrate', description: 'Bring the database schema up to date (the server also does it at start)',
    load: async () => (await import('./commands/migrate.js')).migrateCommand() },
  { name: 'user', description: 'Add and list users',
    load: async () => (await import('./commands/user.js')).userCommand() },
  { name: 'token', description: 'Create API tokens',
    load: async () => (await import('./commands/token.js')).tokenCommand() },
  { name: 'account', description: 'Add, list and show accounts',
    load: async () => (await import('./commands/account.js')).accountCommand() },
  { name: 'demo', description: 'Load a realistic demo portfolio (accounts in eight countries, five years of orders, contacts, interactions, tasks) into an empty store',
    load: async () => (await import('./commands/demo.js')).demoCommand() },
  { name: 'duplicates', description: 'List likely duplicate accounts and contacts, most likely first, with the reasons; merge them with `clientele merge`',
    load: async () => (await import('./commands/duplicates.js')).duplicatesCommand() },
  { name: 'recommend', description: 'Cross-sell and up-sell: suggestions per account, products bought together, association rules, up-sell and their evaluation',
    load: async () => (await import('./commands/recommend.js')).recommendCommand() },
  { name: 'predict', description: 'Fit the lifetime-value models (BG/NBD and Gamma-Gamma) on every account\'s purchases and print the parameters, the portfolio totals and the accounts worth most',
    load: async () => (await import('./commands/predict.js')).predictCommand() },
  { name: 'fit', description: 'Fit BG/NBD (and Gamma-Gamma when there is a value column) on a CSV of per-customer summaries: id, x (frequency), t_x (recency), T, and optionally the mean repeat value (monetary_value)',
    load: async () => (await import('./commands/fit.js')).fitCommand() },
  { name: 'dismiss', description: 'Mark records A and B as not a duplicate, for good: the duplicates list leaves the pair out for everyone',
    load: async () => (await import('./commands/dismiss.js')).dismissCommand() },
  { name: 'merge', description: 'Merge record B into record A: A keeps its values and gains everything of B, whose empty-field values fill A\'s; B is deleted, its audit trail kept',
    load: async () => (await import('./commands/merge.js')).mergeCommand() },
  { name: 'import', description: 'Import a CSV, whitespace-separated or XLSX file. By default all or nothing: any invalid row and nothing is written.',
    load: async () => (await import('./commands/import.js')).importCommand() },
  { name: 'export', description: 'Export to CSV or XLSX with the column names `clientele import` reads; account filters narrow every target but products',
    load: async () => (await import('./commands/export.js')).exportCommand() },
  { name: 'backup', description: 'Write the whole store (every table, ids included) to one file that `clientele restore` reads back',
    load: async () => (await import('./commands/backup.js')).backupCommand() },
  { name: 'restore', description: 'Replace the store\'s content with a backup from `clientele backup`; stop the server first',
    load: async () => (await import('./commands/restore.js')).restoreCommand() },
  { name: 'analyze', description: 'Classify every account (status, volume tier, frequency, ABC, RFM, churn signals) and print the portfolio report',
    load: async () => (await import('./commands/analyze.js')).analyzeCommand() },
  { name: 'snapshot', description: 'Like analyze, and keep the run as a snapshot so movements between classes can be seen later',
    load: async () => (await import('./commands/analyze.js')).snapshotCommand() },
];
