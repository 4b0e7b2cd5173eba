import { Type } from 'typebox';
import { Id } from '../../domain/schemas/common.js';

export const IdParams = Type.Object({ id: Id }, { additionalProperties: false });

export const ErrorResponse = Type.Object({
  error: Type.Object({ code: Type.String(), message: Type.String(), field: Type.Optional(Type.String()) }),
}, { $id: 'Error' });

/** Documented error answers shared by the routes. */
export const errors = (...statuses: number[]) => Object.fromEntries(statuses.map((s) => [s, ErrorResponse]));
