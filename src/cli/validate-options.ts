// Checks command-line options against the same TypeBox schemas the API uses, and words the
// first problem in terms of the option the user typed (`--country`), not the API field.
import type { Static, TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import { DAY_RULE } from '../domain/date-range.js';
import { ClienteleError } from '../domain/errors.js';

interface SchemaError {
  keyword: string;
  schemaPath: string;
  instancePath: string;
  params: Record<string, unknown>;
  message: string;
}

const validators = new WeakMap<TSchema, ReturnType<typeof Compile>>();

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** The sub-schema an error points at, for its description. */
function schemaAt(schema: TSchema, pointer: string): Record<string, unknown> | undefined {
  let node: unknown = schema;
  for (const part of pointer.replace(/^#\/?/, '').split('/').filter(Boolean)) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return typeof node === 'object' && node !== null ? (node as Record<string, unknown>) : undefined;
}

function valueAt(value: unknown, pointer: string): unknown {
  let node = value;
  for (const part of pointer.split('/').filter(Boolean)) node = (node as Record<string, unknown> | undefined)?.[part];
  return node;
}

/** "must be" followed by a schema's description, with the article it needs ("A day…" → "a day…"). */
function mustBe(described: string): string {
  if (/^(A|An|The) /.test(described)) return `must be ${described[0]!.toLowerCase()}${described.slice(1)}`;
  return `must be ${/^[AEIOU]/.test(described) ? 'an' : 'a'} ${described}`;
}

function rule(error: SchemaError, schema: TSchema): string {
  const described = schemaAt(schema, error.schemaPath)?.description;
  switch (error.keyword) {
    case 'enum': {
      const allowed = (error.params.allowedValues as unknown[] | undefined) ?? [];
      if (allowed.length <= 12) return `must be one of ${allowed.join(', ')}`;
      return typeof described === 'string' ? mustBe(described) : 'is not one of the allowed values';
    }
    case 'format':
      if (error.params.format === 'date') return DAY_RULE;
      return typeof described === 'string' ? mustBe(described) : `must be a valid ${String(error.params.format)}`;
    case 'maxLength': return `must be at most ${String(error.params.limit)} characters`;
    case 'minLength': return error.params.limit === 1 ? 'must not be empty' : `must be at least ${String(error.params.limit)} characters`;
    case 'pattern': return typeof described === 'string' ? `must be: ${described.toLowerCase()}` : 'is not in the expected form';
    case 'type': return `must be ${error.params.type === 'integer' ? 'a whole number' : `a ${String(error.params.type)}`}`;
    default: return error.message;
  }
}

/**
 * Returns the value typed by the schema, or throws a bad_request naming the option. `options`
 * maps a field to the option that sets it when the names differ (ownerId → --owner-email).
 */
export function validateOptions<T extends TSchema>(schema: T, value: unknown, options: Record<string, string> = {}): Static<T> {
  let validator = validators.get(schema);
  if (!validator) {
    validator = Compile(schema);
    validators.set(schema, validator);
  }
  if (validator.Check(value)) return value as Static<T>;
  const errors = [...validator.Errors(value)] as unknown as SchemaError[];
  // In a nullable union the "must be null" branch is noise; the real constraint is the other one.
  const error = errors.find((e) => !['anyOf', 'boolean'].includes(e.keyword) && !(e.keyword === 'type' && e.params.type === 'null')) ?? errors[0];
  if (!error) throw new ClienteleError('bad_request', 'The options are not valid.');
  const field = error.keyword === 'required' || error.keyword === 'additionalProperties'
    ? String((error.params.requiredProperties as string[] | undefined)?.[0] ?? (error.params.additionalProperties as string[] | undefined)?.[0])
    : error.instancePath.split('/').filter(Boolean)[0] ?? '';
  const option = options[field] ?? `--${kebab(field)}`;
  if (error.keyword === 'required') throw new ClienteleError('bad_request', `${option} is required.`, field);
  if (error.keyword === 'additionalProperties') throw new ClienteleError('bad_request', `${option} is not an option here.`, field);
  const given = valueAt(value, error.instancePath);
  const shown = typeof given === 'string' || typeof given === 'number' ? `, not "${given}"` : '';
  throw new ClienteleError('bad_request', `${option} ${rule(error, schema)}${shown}.`, field);
}
