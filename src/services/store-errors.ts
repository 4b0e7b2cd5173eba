import { ClienteleError } from '../domain/errors.js';

/**
 * Turns a database unique-constraint violation into a 409 naming the field, so a race between
 * two writers still answers clearly. `fields` maps a column name found in the constraint to the
 * API field and message.
 */
export async function uniqueViolation<T>(work: () => Promise<T>, fields: Record<string, [field: string, message: string]>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const e = error as { code?: string; constraint?: string; detail?: string; message?: string };
    if (e.code === '23505') {
      const text = `${e.constraint ?? ''} ${e.detail ?? ''} ${e.message ?? ''}`;
      for (const [column, [field, message]] of Object.entries(fields)) {
        if (text.includes(column)) throw new ClienteleError('conflict', message, field, { cause: error });
      }
      throw new ClienteleError('conflict', 'A record with the same unique value already exists.', undefined, { cause: error });
    }
    if (e.code === '23503') {
      throw new ClienteleError('invalid', 'A referenced record does not exist.', undefined, { cause: error });
    }
    throw error;
  }
}
