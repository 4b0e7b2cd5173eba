// The mapping file: how a particular file's columns become a target's fields, kept in a repo
// or beside the data so the same export imports the same way every time.
import { readFile } from 'node:fs/promises';
import { Type, type Static } from 'typebox';
import { Compile } from 'typebox/compile';
import { ClienteleError } from '../domain/errors.js';
import { DATE_FORMATS } from './dates.js';
import { IMPORT_TARGETS } from './targets.js';

export const MappingFileSchema = Type.Object({
  target: Type.Optional(Type.Enum([...IMPORT_TARGETS])),
  description: Type.Optional(Type.String()),
  delimiter: Type.Optional(Type.Enum([',', ';', '\t', '|', 'whitespace'])),
  encoding: Type.Optional(Type.Enum(['utf8', 'latin1'])),
  sheet: Type.Optional(Type.String()),
  /** For files without a header row: the names of their columns, in order. */
  headers: Type.Optional(Type.Array(Type.String(), { minItems: 1 })),
  /** File header → field; a field of null ignores the column. */
  columns: Type.Optional(Type.Record(Type.String(), Type.Union([Type.String(), Type.Null()]))),
  dateFormat: Type.Optional(Type.Enum([...DATE_FORMATS])),
  decimalComma: Type.Optional(Type.Boolean()),
  /** Values for fields the file lacks, e.g. { "status": "customer" }. */
  defaults: Type.Optional(Type.Record(Type.String(), Type.String())),
  /** Orders without a number of their own get one built from these fields, e.g. ["accountExternalId", "orderedAt"]. */
  orderNumberFrom: Type.Optional(Type.Array(Type.String(), { minItems: 1 })),
  /**
   * Orders and order lines for an account that does not exist create it, by default named
   * "Customer {accountExternalId}" with status customer; this gives another pattern, or false
   * for the strict way: such lines are refused.
   */
  createAccounts: Type.Optional(Type.Union([Type.Literal(false), Type.Object({
    name: Type.String({ description: 'Pattern such as "Customer {accountExternalId}"' }),
    status: Type.Optional(Type.String()),
  }, { additionalProperties: false })])),
  /** Orders and order lines that name no customer (guests): kept on one walk-in account (the default) or left out. */
  guests: Type.Optional(Type.Enum(['walk-in', 'leave-out'])),
  /** Columns not mapped to a field are kept in the account's custom fields (accounts only). */
  keepUnmappedAsCustomFields: Type.Optional(Type.Boolean()),
}, { additionalProperties: false });

export type MappingFile = Static<typeof MappingFileSchema>;

const check = Compile(MappingFileSchema);

export function parseMappingFile(json: string, source: string): MappingFile {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    throw new ClienteleError('bad_request', `The mapping file ${source} is not valid JSON: ${(error as Error).message}`, 'mapping', { cause: error });
  }
  if (!check.Check(value)) {
    const errors = [...check.Errors(value)];
    const extra = errors.find((e) => e.keyword === 'additionalProperties');
    if (extra) {
      const key = (extra.params as { additionalProperties: string[] }).additionalProperties[0];
      const where = extra.instancePath ? ` in "${extra.instancePath.slice(1).replace(/\//g, '.')}"` : '';
      throw new ClienteleError('bad_request', `The mapping file ${source} has an unknown key "${key}"${where}.`, 'mapping');
    }
    const first = errors.find((e) => e.keyword !== 'anyOf' && e.keyword !== 'boolean') ?? errors[0];
    const where = first?.instancePath ? first.instancePath.slice(1).replace(/\//g, '.') : '';
    throw new ClienteleError('bad_request', `The mapping file ${source} is not valid${where ? ` at "${where}"` : ''}: ${first?.message ?? 'unknown problem'}.`, 'mapping');
  }
  return value;
}

export async function loadMappingFile(path: string): Promise<MappingFile> {
  try {
    return parseMappingFile(await readFile(path, 'utf8'), path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new ClienteleError('not_found', `There is no mapping file ${path}.`, 'mapping');
    throw error;
  }
}
