// A failure becomes one line on stderr and an exit code, whether it comes from a command's work
// (run-command.ts) or from a check made before it (a command's preAction hook, in main.ts).
import { ClienteleError } from '../domain/errors.js';
import { exitCodeOf } from './exit-codes.js';
import { inFlagTerms } from './flag-errors.js';

/** Writes the error for the person who typed the command; returns the exit code it means. */
export function reportError(thrown: unknown): number {
  const error = inFlagTerms(thrown);
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`clientele: ${message}\n`);
  // Unexpected failures keep their stack for whoever debugs them.
  if (!(error instanceof ClienteleError) && error instanceof Error && /^(debug|trace)$/.test(process.env.LOG_LEVEL ?? '')) {
    process.stderr.write(`${error.stack}\n`);
  }
  return exitCodeOf(error);
}
