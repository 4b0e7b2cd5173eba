import { t } from '../../shared/i18n/i18n';
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
    if (error.status === NETWORK_FAILURE) return t('web.errors.network');
    if (error.status === 401) return t('web.session.ended');
    if (error.status >= 500) return t('web.errors.server');
    return error.message;
  }
  if (error instanceof Error && error.name === 'AbortError') return t('web.errors.cancelled');
  return t('web.errors.unexpected');
}
