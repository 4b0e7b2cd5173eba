// The one place error codes become exit codes; apart from the store so that `clientele --help`
// and usage mistakes can name them without loading it.
import { ClienteleError, type ErrorCode } from '../domain/errors.js';

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

export const exitCodeOf = (error: unknown) => (error instanceof ClienteleError ? EXIT_CODES[error.code] : EXIT_CODES.internal);
