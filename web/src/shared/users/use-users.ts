// The users (owners, assignees, authors), fetched once and shared by every page that names them.
import { useEffect, useState } from 'react';
import { api } from '../api/http';
import type { User } from '../api/types';

let cache: Promise<User[]> | null = null;

export function loadUsers(refresh = false): Promise<User[]> {
  if (!cache || refresh) {
    cache = api.get<{ items: User[] }>('/users').then((r) => r.items);
    cache.catch(() => { cache = null; });
  }
  return cache;
}

export interface Users {
  list: User[];
  byId: Map<number, User>;
  nameOf(id: number | null | undefined): string;
}

const EMPTY: User[] = [];

export function useUsers(): Users {
  const [list, setList] = useState<User[]>(EMPTY);
  useEffect(() => {
    let live = true;
    loadUsers().then((users) => { if (live) setList(users); }, () => undefined);
    return () => { live = false; };
  }, []);
  const byId = new Map(list.map((u) => [u.id, u]));
  return { list, byId, nameOf: (id) => (id ? byId.get(id)?.name ?? `User ${id}` : '') };
}
