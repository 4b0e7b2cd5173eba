import { accountScope } from '../domain/access.js';
import { ClienteleError } from '../domain/errors.js';
import type { Task, TaskCreate, TaskListQuery, TaskPatch } from '../domain/schemas/task.js';
import { accountRecordService, requireActiveUser } from './account-records.js';
import { type Context, repVisibility } from './context.js';

/** A task goes only to someone who can see its account (a rep limited to their own accounts sees no other). */
async function requireAssigneeSeesAccount(ctx: Context, assigneeId: number | null | undefined, accountId: number): Promise<void> {
  if (assigneeId === null || assigneeId === undefined) return;
  const assignee = await ctx.store.users.get(assigneeId);
  if (!assignee) return;
  const scope = accountScope({ userId: assignee.id, role: assignee.role }, await repVisibility(ctx.store));
  if (scope.ownerId === undefined || (await ctx.store.accounts.isVisible(accountId, scope))) return;
  throw new ClienteleError('invalid', `${assignee.name} cannot see account ${accountId}: reps see only the accounts they own. Assign the task to the account's owner or to a manager.`, 'assigneeId');
}

export const tasks = accountRecordService<Task, TaskCreate, TaskPatch, TaskListQuery>({
  entity: 'task',
  label: 'Task',
  repository: (store) => store.tasks,
  defaults: (ctx, input) => ({ ...input, assigneeId: input.assigneeId === undefined ? (ctx.actor.userId || null) : input.assigneeId }),
  async check(ctx, input, accountId, current) {
    await requireActiveUser(ctx, input.assigneeId, 'assigneeId');
    await requireAssigneeSeesAccount(ctx, input.assigneeId !== undefined ? input.assigneeId : current?.assigneeId, accountId);
  },
});
