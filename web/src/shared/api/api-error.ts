// A failed API call: the API's own { code, message, field } when it answered, or a network failure.
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Status 0 marks a call that never got an answer. */
export const NETWORK_FAILURE = 0;

/** What to tell a person about a failure, in plain words. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === NETWORK_FAILURE) return 'The server could not be reached. Check your connection and try again.';
    if (error.status === 401) return 'Your session has ended. Please sign in again.';
    if (error.status >= 500) return 'Something went wrong on the server. Try again in a moment; if it persists, tell your administrator.';
    return error.message;
  }
  if (error instanceof Error && error.name === 'AbortError') return 'The request was cancelled.';
  return 'Something unexpected went wrong. Reload the page and try again.';
}
