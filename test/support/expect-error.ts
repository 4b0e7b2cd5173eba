// Every API failure must have the same shape, so a client can handle all of them in one place.
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';

export interface ExpectedError {
  status: number;
  code: string;
  /** The field the error must name; null means it must name none. Left out, it is not checked. */
  field?: string | null;
  message?: RegExp;
}

/** Asserts the answer is exactly `{ error: { code, message, field? } }` with the expected values. */
export function expectError(response: LightMyRequestResponse, expected: ExpectedError) {
  const body = response.json();
  expect({ status: response.statusCode, body }).toMatchObject({ status: expected.status, body: { error: { code: expected.code } } });
  expect(response.headers['content-type']).toMatch(/^application\/json/);
  expect(Object.keys(body)).toEqual(['error']);
  const { code, message, field, ...rest } = body.error;
  expect(rest).toEqual({});
  expect(typeof code).toBe('string');
  expect(typeof message).toBe('string');
  expect(message.length).toBeGreaterThan(0);
  if (expected.field === null) expect(field).toBeUndefined();
  else if (expected.field !== undefined) expect(field).toBe(expected.field);
  if (expected.message) expect(message).toMatch(expected.message);
  return body.error as { code: string; message: string; field?: string };
}
