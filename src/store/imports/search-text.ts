import { sql } from 'kysely';
import { searchTextOf } from '../../domain/search-text.js';
import type { Executor } from '../executor.js';

/** Rebuilds the contacts' part of these accounts' search text, a thousand accounts at a time. */
export async function refreshContactsSearchText(db: Executor, accountIds: readonly number[]): Promise<void> {
  for (let i = 0; i < accountIds.length; i += 1000) {
    const ids = accountIds.slice(i, i + 1000);
    const contacts = await db.selectFrom('contacts').select(['account_id', 'first_name', 'last_name', 'email', 'phone'])
      .where('account_id', 'in', ids).orderBy('id').execute();
    const byAccount = new Map<number, typeof contacts>(ids.map((id) => [id, []]));
    for (const contact of contacts) byAccount.get(contact.account_id)?.push(contact);
    const texts = [...byAccount].map(([id, list]) => ({
      id,
      text: searchTextOf(list.flatMap((c) => [[c.first_name, c.last_name].filter(Boolean).join(' '), c.email]), list.map((c) => c.phone)),
    }));
    await sql`update accounts a set contacts_search_text = t.text
      from unnest(${texts.map((t) => t.id)}::bigint[], ${texts.map((t) => t.text)}::text[]) as t(id, text)
      where a.id = t.id and a.contacts_search_text is distinct from t.text`.execute(db);
  }
}
