// Every failure leaves the API as { error: { code, message, field? } } with the status its
// code implies. This file is the one place that mapping lives.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ClienteleError, type ErrorCode } from '../domain/errors.js';

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
  let rule = specific.message ?? 'is not valid';
  if (specific.keyword === 'enum') {
    const allowed = specific.params?.allowedValues as unknown[] | undefined;
    rule = allowed && allowed.length <= 12 ? `must be one of ${allowed.join(', ')}` : 'is not one of the allowed values';
  }
  if (specific.keyword === 'maxLength') rule = `must be at most ${String(specific.params?.limit)} characters`;
  if (specific.keyword === 'format') rule = `must be a valid ${String(specific.params?.format)}`;
  if (specific.keyword === 'pattern' && field?.endsWith('phone')) rule = 'must be a phone number (digits, spaces, + . - ( ))';
  rule = rule.replace(/^must/, 'must');
  return { field, message: field ? `Field "${field}" ${rule}${where}.` : `The request ${rule}${where}.` };
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
  if (status < 500) {
    const code = status === 404 ? 'not_found' : status === 401 ? 'unauthenticated' : status === 413 ? 'payload_too_large' : 'bad_request';
    return sendError(reply, status, { error: { code, message: error.message } });
  }
  request.log.error({ err: error }, 'request failed');
  return sendError(reply, 500, { error: { code: 'internal', message: 'Something went wrong on the server; it has been logged.' } });
}
