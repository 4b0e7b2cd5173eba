import type { Task, TaskCreate, TaskListQuery, TaskPatch } from '../domain/schemas/task.js';
import { accountRecordService, requireActiveUser } from './account-records.js';

export const tasks = accountRecordService<Task, TaskCreate, TaskPatch, TaskListQuery>({
  entity: 'task',
  label: 'Task',
  repository: (store) => store.tasks,
  defaults: (ctx, input) => ({ ...input, assigneeId: input.assigneeId === undefined ? (ctx.actor.userId || null) : input.assigneeId }),
  check: (ctx, input) => requireActiveUser(ctx, input.assigneeId, 'assigneeId'),
});
