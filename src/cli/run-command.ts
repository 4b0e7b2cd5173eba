// Every command runs through here: open the store the environment selects, act as the system
// through the same services as the API, close the store, and turn a failure into one line on
// stderr and an exit code (report-error.ts).
import { readConfig, type Config } from '../config.js';
import { SYSTEM_ACTOR } from '../domain/access.js';
import { ClienteleError } from '../domain/errors.js';
import type { Context } from '../services/context.js';
import type { MigrationReport } from '../store/migrate.js';
import { describeStore, openStore } from '../store/open-store.js';
import type { Store } from '../store/store.js';
import { reportError } from './report-error.js';

export interface CommandContext {
  config: Config;
  store: Store;
  /** The services' context: this store, acting as the system. */
  ctx: Context;
}

/** Runs a command's work; a failure is reported and sets the exit code. */
export async function runCommand(work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    process.exitCode = reportError(error);
  }
}

/** Opens the store, runs the work on it and closes it; `holder` names the command to a process that finds the data directory locked. */
export async function useStore(holder: string, work: (command: CommandContext) => Promise<void>, options: { onMigrated?: (report: MigrationReport) => void } = {}): Promise<void> {
  const config = readConfig();
  let store: Store;
  try {
    store = await openStore(config, holder, options);
  } catch (error) {
    if (error instanceof ClienteleError) throw error;
    throw new Error(`Could not open the store (${describeStore(config)}): ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  try {
    await work({ config, store, ctx: { store, actor: SYSTEM_ACTOR } });
  } finally {
    await store.connection.close();
  }
}

/** A command that only needs the store: runs the work on it, failures reported. */
export const withStore = (holder: string, work: (command: CommandContext) => Promise<void>, options: { onMigrated?: (report: MigrationReport) => void } = {}) =>
  runCommand(() => useStore(holder, work, options));
