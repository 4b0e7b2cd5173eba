// The one seam between the web app and the API: every call goes through `api`, which sends the
// session cookie with its anti-CSRF token, encodes queries and bodies, and turns failures into ApiError.
import { ApiError, NETWORK_FAILURE } from './api-error';

export type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue | QueryValue[]>;

const BASE = '/api/v1';

/** Empty values are left out, so a cleared filter is no filter; arrays become comma lists. */
export function toQueryString(query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, raw] of Object.entries(query)) {
    const value = Array.isArray(raw) ? raw.filter((v) => v !== '' && v != null).join(',') : raw;
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

type Listener = (error: ApiError) => void;
const unauthenticatedListeners = new Set<Listener>();

/** Lets the session forget the user when any call finds the session gone. */
export function onUnauthenticated(listener: Listener): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

async function errorFrom(response: Response): Promise<ApiError> {
  const body = await response.json().catch(() => undefined) as { error?: { code?: string; message?: string; field?: string } } | undefined;
  const error = body?.error;
  return new ApiError(response.status, error?.code ?? 'http_error', error?.message ?? `The server answered ${response.status} ${response.statusText}.`, error?.field);
}

/** The anti-CSRF token the API handed this page in a cookie; the API wants it back on every change. */
function csrfToken(): string | undefined {
  const entry = document.cookie.split('; ').find((c) => c.startsWith('clientele_csrf='));
  return entry ? decodeURIComponent(entry.slice('clientele_csrf='.length)) : undefined;
}

function headersFor(method: string, body: unknown): Record<string, string> {
  const headers: Record<string, string> = {};
  if (body !== undefined && !(body instanceof FormData)) headers['content-type'] = 'application/json';
  const token = method === 'GET' || method === 'HEAD' ? undefined : csrfToken();
  if (token) headers['x-csrf-token'] = token;
  return headers;
}

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const isForm = options.body instanceof FormData;
  let response: Response;
  try {
    response = await fetch(`${BASE}${path}${toQueryString(options.query)}`, {
      method,
      credentials: 'same-origin',
      headers: headersFor(method, options.body),
      body: options.body === undefined ? undefined : isForm ? options.body as FormData : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof Error && error.name === 'AbortError') throw error;
    throw new ApiError(NETWORK_FAILURE, 'network', 'The server could not be reached.');
  }
  if (!response.ok) {
    const error = await errorFrom(response);
    // Signing in is allowed to fail without ending anything.
    if (response.status === 401 && !path.startsWith('/auth/')) for (const listener of unauthenticatedListeners) listener(error);
    throw error;
  }
  if (response.status === 204) return undefined as T;
  return response.json() as Promise<T>;
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  delete: (path: string) => request<void>('DELETE', path),
};

/** A link the browser downloads with the session cookie (exports, import reports). */
export const downloadUrl = (path: string, query?: Query) => `${BASE}${path}${toQueryString(query)}`;
