import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

/** A connection or a transaction: repositories work the same on both. */
export type Executor = Kysely<Database>;

export const iso = (value: Date | string | null): string | null =>
  value === null ? null : value instanceof Date ? value.toISOString() : new Date(value).toISOString();

export const isoRequired = (value: Date | string): string => iso(value) as string;
