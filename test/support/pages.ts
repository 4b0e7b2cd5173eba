// Follows nextCursor from the first page to the last, as a client paging through a list would.
import { expect } from 'vitest';
import type { TestApp, TestUser } from './test-app.js';

/** Every page of a list, in order; `url` must not carry a cursor yet. */
export async function allPages<T>(t: TestApp, url: string, as?: TestUser): Promise<T[][]> {
  const pages: T[][] = [];
  let cursor: string | null = null;
  do {
    const response = await t.call('GET', cursor ? `${url}${url.includes('?') ? '&' : '?'}cursor=${encodeURIComponent(cursor)}` : url, { as });
    expect(response.statusCode).toBe(200);
    const page = response.json() as { items: T[]; nextCursor: string | null };
    pages.push(page.items);
    cursor = page.nextCursor;
    // A cursor that does not move on would loop forever.
    expect(pages.length).toBeLessThan(1000);
  } while (cursor);
  return pages;
}
