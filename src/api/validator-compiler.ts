// Checks a request's parts before TypeBox's compiler sees them, for what a schema cannot say:
// - Path and query numbers must be written in canonical form. The compiler converts strings to
//   the schema's types, and converting "1.5" to an integer truncates it to 1, " 1" and "+1"
//   read as 1: /accounts/%20%201 would delete account 1. Whole numbers are digits with an
//   optional minus and no leading zero; other numbers the same with a decimal part.
// - No number may be infinite (JSON's 1e400), and no string, object key included, may hold NUL (PostgreSQL cannot store it) or a lone UTF-16
//   surrogate (not text: it cannot be encoded as UTF-8). The error names the field.
import { TypeBoxValidatorCompiler } from '@fastify/type-provider-typebox';
import { jsonBytes, MAX_BYTES_KEYWORD, MAX_JSON_DEPTH } from '../domain/limits.js';

const WHOLE = /^(0|-?[1-9]\d*)$/;
const DECIMAL = /^-?(0|[1-9]\d*)(\.\d+)?$/;
/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const malformed = (text: string) => text.includes('\u0000') || LONE_SURROGATE.test(text);

type Schema = { type?: unknown; properties?: Record<string, Schema>; anyOf?: Schema[]; oneOf?: Schema[]; [MAX_BYTES_KEYWORD]?: number };

const isType = (type: string) => (schema: Schema): boolean =>
  schema.type === type || (schema.anyOf ?? schema.oneOf ?? []).some(isType(type));
const isInteger = isType('integer');
const isNumber = isType('number');

interface SchemaError { keyword: string; instancePath: string; schemaPath: string; params: Record<string, unknown>; message: string }

const pointer = (path: readonly string[]) => path.map((p) => `/${p.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');

const textError = (path: readonly string[], what: string): SchemaError =>
  ({ keyword: 'text', instancePath: pointer(path), schemaPath: '#', params: {}, message: `must not contain ${what}` });

/** The first string (or key) holding NUL or a lone surrogate, or a value nested too deep, as a schema error at its path. */
export function badText(value: unknown, path: string[] = []): SchemaError | undefined {
  if (path.length > MAX_JSON_DEPTH) {
    return { keyword: 'depth', instancePath: pointer(path.slice(0, 1)), schemaPath: '#', params: {}, message: `must not nest more than ${MAX_JSON_DEPTH} levels deep` };
  }
  if (typeof value === 'string') {
    if (value.includes('\u0000')) return textError(path, 'a NUL character');
    if (LONE_SURROGATE.test(value)) return textError(path, 'a lone UTF-16 surrogate (text that is not Unicode)');
    return undefined;
  }
  // JSON's 1e400 parses to Infinity, which no column holds.
  if (typeof value === 'number' && !Number.isFinite(value)) {
    return { keyword: 'finite', instancePath: pointer(path), schemaPath: '#', params: {}, message: 'must be a finite number' };
  }
  if (typeof value !== 'object' || value === null) return undefined;
  for (const [key, item] of Object.entries(value)) {
    // A bad key is reported at its object: the key itself is not a field anyone can name.
    if (malformed(key)) return textError(path, 'a key with a NUL character or a lone surrogate');
    const found = badText(item, [...path, key]);
    if (found) return found;
  }
  return undefined;
}

const typeError = (name: string, type: 'integer' | 'number'): SchemaError =>
  ({ keyword: 'type', instancePath: `/${name}`, schemaPath: `#/properties/${name}/type`, params: { type }, message: `must be ${type}` });

export const validatorCompiler: typeof TypeBoxValidatorCompiler = (route) => {
  const check = TypeBoxValidatorCompiler(route);
  const properties = route.httpPart === 'body' ? {} : (route.schema as Schema).properties ?? {};
  const integers = Object.keys(properties).filter((name) => isInteger(properties[name]!));
  const numbers = Object.keys(properties).filter((name) => !integers.includes(name) && isNumber(properties[name]!));
  const bodyProperties = route.httpPart === 'body' ? (route.schema as Schema).properties ?? {} : {};
  const sized = Object.entries(bodyProperties).flatMap(([name, schema]) => (schema[MAX_BYTES_KEYWORD] ? [[name, schema[MAX_BYTES_KEYWORD]] as const] : []));
  return (value) => {
    const text = badText(value);
    if (text) return { error: [text] } as never;
    const given = value as Record<string, unknown> | null | undefined;
    for (const [name, limit] of sized) {
      if (given?.[name] !== undefined && jsonBytes(given[name]) > limit) {
        return { error: [{ keyword: 'maxBytes', instancePath: `/${name}`, schemaPath: '#', params: { limit }, message: `must be at most ${limit / 1024} KiB as JSON` }] } as never;
      }
    }
    for (const name of integers) {
      if (typeof given?.[name] === 'string' && !WHOLE.test(given[name])) return { error: [typeError(name, 'integer')] } as never;
    }
    for (const name of numbers) {
      if (typeof given?.[name] === 'string' && !DECIMAL.test(given[name])) return { error: [typeError(name, 'number')] } as never;
    }
    return check(value);
  };
};
