import { Type, type Static } from 'typebox';
import { DateTime, Enum, Id, ListQuery, Nullable, Text, Timestamps, strict } from './common.js';

const editable = {
  accountId: Id,
  assigneeId: Nullable(Id),
  title: Text(200, { minLength: 1 }),
  notes: Nullable(Text(5000)),
  dueAt: DateTime,
  remindAt: Nullable(DateTime),
  done: Type.Boolean(),
};

export const TaskSchema = Type.Object({ id: Id, ...editable, doneAt: Nullable(DateTime), ...Timestamps }, { $id: 'Task' });
export type Task = Static<typeof TaskSchema>;

export const TaskCreateSchema = Type.Object({
  ...Type.Partial(Type.Object(editable)).properties,
  accountId: editable.accountId,
  title: editable.title,
  dueAt: editable.dueAt,
}, { ...strict, $id: 'TaskCreate' });
export type TaskCreate = Static<typeof TaskCreateSchema>;

export const TaskPatchSchema = Type.Partial(Type.Object(editable), { ...strict, minProperties: 1, $id: 'TaskPatch' });
export type TaskPatch = Static<typeof TaskPatchSchema>;

export const TaskListQuerySchema = Type.Object({
  ...ListQuery,
  accountId: Type.Optional(Id),
  assigneeId: Type.Optional(Id),
  done: Type.Optional(Type.Boolean()),
  dueFrom: Type.Optional(DateTime),
  dueTo: Type.Optional(DateTime),
  createdFrom: Type.Optional(DateTime),
  createdTo: Type.Optional(DateTime),
  updatedFrom: Type.Optional(DateTime),
  updatedTo: Type.Optional(DateTime),
  sort: Type.Optional(Enum(['dueAt', '-dueAt', 'createdAt', '-createdAt'] as const)),
}, strict);
export type TaskListQuery = Static<typeof TaskListQuerySchema>;
