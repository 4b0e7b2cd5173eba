// Every command runs through here: open the store the environment selects, act as the system
// through the same services as the API, close the store, and turn a failure into one line on
// stderr and an exit code. This file is the one place error codes become exit codes.
import { readConfig, type Config } from '../config.js';
import { SYSTEM_ACTOR } from '../domain/access.js';
import { ClienteleError, type ErrorCode } from '../domain/errors.js';
import type { Context } from '../services/context.js';
import type { MigrationReport } from '../store/migrate.js';
import { describeStore, openStore } from '../store/open-store.js';
import type { Store } from '../store/store.js';

export const EXIT_CODES: Record<ErrorCode, number> & { internal: number; usage: number } = {
  internal: 1,
  /** Unknown commands and options, missing arguments: the same kind of mistake as a bad value. */
  usage: 2,
  bad_request: 2,
  unauthenticated: 3,
  forbidden: 4,
  not_found: 5,
  conflict: 6,
  invalid: 7,
  too_many_requests: 8,
  locked: 9,
};

export interface CommandContext {
  config: Config;
  store: Store;
  /** The services' context: this store, acting as the system. */
  ctx: Context;
}

export const exitCodeOf = (error: unknown) => (error instanceof ClienteleError ? EXIT_CODES[error.code] : EXIT_CODES.internal);

function report(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`clientele: ${message}\n`);
  // Unexpected failures keep their stack for whoever debugs them.
  if (!(error instanceof ClienteleError) && error instanceof Error && /^(debug|trace)$/.test(process.env.LOG_LEVEL ?? '')) {
    process.stderr.write(`${error.stack}\n`);
  }
}

/** Runs a command's work; a failure is reported and sets the exit code. */
export async function runCommand(work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    report(error);
    process.exitCode = exitCodeOf(error);
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
