// Services name the field they check (`asOf must be…`); on the command line the person typed a
// flag. An error about a field that a flag of the running command sets is reworded to name the
// flag (`--as-of must be…`) and is a usage error (exit code 2): the value came from the command.
import type { Command } from 'commander';
import { ClienteleError } from '../domain/errors.js';

const flagOf = new Map<string, string>();

/** Remembers the flags of the command about to run (main.ts calls it before each action). */
export function knowFlags(command: Command): void {
  for (const option of command.options) if (option.long) flagOf.set(option.attributeName(), option.long);
}

/** The error worded with the flag, when it names the field of one; otherwise the error itself. */
export function inFlagTerms(error: unknown): unknown {
  if (!(error instanceof ClienteleError) || !error.field) return error;
  const flag = flagOf.get(error.field);
  if (!flag || !error.message.startsWith(`${error.field} `)) return error;
  return new ClienteleError('bad_request', `${flag}${error.message.slice(error.field.length)}`, error.field, { cause: error });
}
