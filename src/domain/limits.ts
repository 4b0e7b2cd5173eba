// The sizes Clientele accepts, in one place: the API enforces them and docs/limits.md states them.

/** The largest JSON body a request may send (an order of 1,000 lines fits many times over). */
export const BODY_LIMIT = 1024 * 1024;
