// One error type for the whole product. The code decides the HTTP status and the CLI exit
// code in one place each (api/errors.ts, cli/exit-codes.ts); the message is for people.

export const ERROR_CODES = [
  'bad_request', 'unauthenticated', 'forbidden', 'not_found', 'conflict', 'invalid', 'too_many_requests', 'locked',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export class ClienteleError extends Error {
  readonly retryAfterSeconds?: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    options?: { cause?: unknown; retryAfterSeconds?: number },
  ) {
    super(message, options);
    this.name = 'ClienteleError';
    this.retryAfterSeconds = options?.retryAfterSeconds;
  }
}

export const notFound = (what: string, id: number | string) =>
  new ClienteleError('not_found', `${what} ${id} does not exist or is not visible to you.`);
