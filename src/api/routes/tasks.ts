import type { FastifyInstance } from 'fastify';
import { TaskCreateSchema, TaskListQuerySchema, TaskPatchSchema, TaskSchema } from '../../domain/schemas/task.js';
import { tasks } from '../../services/tasks.js';
import type { RouteDeps } from '../route-deps.js';
import { crudRoutes } from './crud.js';

export async function taskRoutes(app: FastifyInstance, { store }: RouteDeps) {
  crudRoutes(app, store, '/tasks', 'task',
    { item: TaskSchema, create: TaskCreateSchema, patch: TaskPatchSchema, query: TaskListQuerySchema }, tasks);
}
