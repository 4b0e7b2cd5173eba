// The sizes Clientele accepts, in one place: the API enforces them and docs/limits.md states them.

/** The largest JSON body a request may send (an order of 1,000 lines fits many times over). */
export const BODY_LIMIT = 1024 * 1024;

/** Custom fields as JSON, in UTF-8 bytes: a record's extras, not a document store. */
export const CUSTOM_FIELDS_MAX_BYTES = 16 * 1024;

/** How deep arrays and objects may nest in a body (custom fields are the only free-form part). */
export const MAX_JSON_DEPTH = 16;

/** Schema keyword for a JSON size limit the API checks (an OpenAPI extension, so tools keep it). */
export const MAX_BYTES_KEYWORD = 'x-max-bytes';

const utf8 = new TextEncoder();

/** The size of a value as JSON in UTF-8. */
export const jsonBytes = (value: unknown) => utf8.encode(JSON.stringify(value) ?? '').length;
