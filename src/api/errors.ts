// Every failure leaves the API as { error: { code, message, field? } } with the status its
// code implies. This file is the one place that mapping lives.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ClienteleError, type ErrorCode } from '../domain/errors.js';
import { MONEY_PATTERN } from '../domain/money.js';
import { NOT_BLANK, PHONE_PATTERN, TAG_PATTERN } from '../domain/schemas/common.js';
import { DAY_PATTERN, DAY_RULE, RANGE_IN_WORDS, TIMESTAMP_PATTERN } from '../domain/date-range.js';

export const STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  invalid: 422,
  too_many_requests: 429,
  locked: 423,
};

export interface ErrorBody {
  error: { code: string; message: string; field?: string };
}

interface SchemaError {
  keyword?: string;
  instancePath?: string;
  message?: string;
  params?: Record<string, unknown>;
}

const pathToField = (path: string) => path.replace(/^\//, '').replace(/\//g, '.');

/** Picks the most telling schema error and says it in words, naming the field. */
export function describeSchemaErrors(errors: SchemaError[], part: string): { field?: string; message: string } {
  const where = part === 'body' ? '' : ` in the ${part === 'querystring' ? 'query string' : part}`;
  const extra = errors.find((e) => e.keyword === 'additionalProperties');
  if (extra) {
    const names = (extra.params?.additionalProperties as string[] | undefined) ?? [];
    const base = pathToField(extra.instancePath ?? '');
    const field = [base, names[0]].filter(Boolean).join('.');
    return { field, message: `Unknown field "${field}"${where}.` };
  }
  const required = errors.find((e) => e.keyword === 'required');
  if (required) {
    const names = (required.params?.requiredProperties as string[] | undefined) ?? [];
    const base = pathToField(required.instancePath ?? '');
    const field = [base, names[0]].filter(Boolean).join('.');
    return { field, message: `Field "${field}" is required${where}.` };
  }
  // In a nullable union the "must be null" branch is noise; prefer the real constraint.
  const specific = errors.find((e) => e.keyword !== 'anyOf' && e.keyword !== 'boolean' && !(e.keyword === 'type' && e.params?.type === 'null'))
    ?? errors[0];
  if (!specific) return { message: `The request${where} is not valid.` };
  const field = pathToField(specific.instancePath ?? '') || undefined;
  const rule = ruleInWords(specific, field);
  const whole = part === 'body' ? 'The request body' : `The ${part === 'querystring' ? 'query string' : part}`;
  return { field, message: field ? `Field "${field}" ${rule}${where}.` : `${whole} ${rule}.` };
}

const PATTERNS: Record<string, string> = {
  [MONEY_PATTERN]: 'must be an amount as a string with at most two decimals and a dot, like "1234.50"',
  [NOT_BLANK]: 'must not be blank',
  [PHONE_PATTERN]: 'must be a phone number (digits, spaces, + . - / ( ))',
  [TAG_PATTERN]: 'must not contain a comma',
  [DAY_PATTERN]: DAY_RULE,
  [TIMESTAMP_PATTERN]: `must be an ISO 8601 timestamp like 2026-01-31T09:30:00Z, ${RANGE_IN_WORDS}`,
};

const FORMATS: Record<string, string> = {
  'date-time': 'must be an ISO 8601 timestamp, like 2026-01-31T09:30:00Z',
  date: 'must be a date like 2026-01-31, or a timestamp like 2026-01-31T09:30:00Z',
  email: 'must be a valid email address',
  'iso-country': 'must be an ISO 3166-1 alpha-2 country code in capitals, like FR',
  'iso-currency': 'must be an ISO 4217 currency code in capitals, like EUR',
};

/** The schema rule a value broke, as a phrase following the field name. */
function ruleInWords(error: SchemaError, field: string | undefined): string {
  const params = error.params ?? {};
  const limit = String(params.limit);
  switch (error.keyword) {
    case 'type': {
      const type = String(params.type);
      return `must be ${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type}`;
    }
    case 'enum': {
      const allowed = params.allowedValues as unknown[] | undefined;
      if (field?.split('.').pop() === 'country') return 'must be an ISO 3166-1 alpha-2 country code in capitals, like FR';
      return allowed && allowed.length <= 12 ? `must be one of ${allowed.join(', ')}` : 'is not one of the allowed values';
    }
    case 'pattern': return PATTERNS[String(params.pattern)] ?? error.message ?? 'is not valid';
    case 'format': return FORMATS[String(params.format)] ?? `must be a valid ${String(params.format)}`;
    case 'maxLength': return `must be at most ${limit} characters`;
    case 'minLength': return limit === '1' ? 'must not be empty' : `must be at least ${limit} characters`;
    case 'maximum': return `must be at most ${limit}`;
    case 'minimum': return `must be at least ${limit}`;
    case 'maxItems': return `must have at most ${limit} items`;
    case 'multipleOf': return `must be a multiple of ${String(params.multipleOf)}`;
    // Only the change schemas ask for a least one property.
    case 'minProperties': return field ? `must have at least ${limit} properties` : 'must name at least one field to change';
    default: return error.message ?? 'is not valid';
  }
}

/** Codes for the framework's own refusals, which carry a status but none of ours. */
const FRAMEWORK_CODES: Record<number, string> = {
  401: 'unauthenticated', 404: 'not_found', 406: 'not_acceptable', 413: 'payload_too_large', 414: 'uri_too_long', 415: 'unsupported_media_type',
};

/** Errors the router raises before any route runs: a path it cannot decode, a parameter too long. */
export function frameworkErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply) {
  const status = error.statusCode && error.statusCode < 500 ? error.statusCode : 400;
  const message = error.code === 'FST_ERR_BAD_URL' ? 'The path is not valid: it holds an escape (%..) that is not UTF-8.' : error.message;
  return sendError(reply, status, { error: { code: FRAMEWORK_CODES[status] ?? 'bad_request', message } });
}

export function sendError(reply: FastifyReply, status: number, body: ErrorBody) {
  return reply.status(status).type('application/json').send(body);
}

export function errorHandler(error: FastifyError & { validation?: SchemaError[]; validationContext?: string }, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof ClienteleError) {
    if (error.code === 'too_many_requests' && error.retryAfterSeconds) reply.header('retry-after', String(error.retryAfterSeconds));
    return sendError(reply, STATUS[error.code], { error: { code: error.code, message: error.message, ...(error.field && { field: error.field }) } });
  }
  if (error.validation) {
    const { field, message } = describeSchemaErrors(error.validation, error.validationContext ?? 'body');
    return sendError(reply, 400, { error: { code: 'bad_request', message, ...(field && { field }) } });
  }
  const status = error.statusCode ?? 500;
  if (status < 500) return sendError(reply, status, { error: { code: FRAMEWORK_CODES[status] ?? 'bad_request', message: error.message } });
  request.log.error({ err: error }, 'request failed');
  return sendError(reply, 500, { error: { code: 'internal', message: 'Something went wrong on the server; it has been logged.' } });
}
