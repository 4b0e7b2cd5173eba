import { sql, type Kysely } from 'kysely';

/**
 * An account exists from the earliest of its creation, its "customer since" day, its first
 * purchase and its first contact or interaction: a team that imports years of history must
 * see those years, not an account born on the import day.
 *
 * `customer_since` is the user's own field. `first_activity_at` is kept by the triggers below,
 * and only when a contact or interaction is older than everything the account knew before, so
 * an ordinary insert costs one lookup and no write. The first purchase is read from
 * `account_purchases`, which the orders already keep. Deleting a record leaves the start as it
 * was: the account was known then.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table accounts add column customer_since date, add column first_activity_at timestamptz(3)`.execute(db);
  await sql`alter table staging_accounts add column customer_since date`.execute(db);
  // How far the file reached on the run's day, so a run over an old history can say so.
  await sql`alter table analysis_runs add column newest_purchase date`.execute(db);

  for (const [table, column] of [['interactions', 'occurred_at'], ['contacts', 'created_at']] as const) {
    await sql.raw(`
      create function note_${table}_activity() returns trigger language plpgsql as $$
      begin
        update accounts a set first_activity_at = n.first
          from (select account_id, min(${column}) as first from new_rows group by account_id) n
         where a.id = n.account_id and n.first < least(a.created_at, a.first_activity_at);
        return null;
      end $$`).execute(db);
    await sql.raw(`create trigger ${table}_activity_insert after insert on ${table} referencing new table as new_rows
      for each statement execute function note_${table}_activity()`).execute(db);
    // A moved record (a merge, a corrected date) may make its new account older.
    await sql.raw(`create trigger ${table}_activity_update after update on ${table} referencing new table as new_rows
      for each statement execute function note_${table}_activity()`).execute(db);
    await sql.raw(`
      update accounts a set first_activity_at = n.first
        from (select account_id, min(${column}) as first from ${table} group by account_id) n
       where a.id = n.account_id and n.first < least(a.created_at, a.first_activity_at)`).execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['interactions', 'contacts']) {
    await sql.raw(`drop trigger ${table}_activity_insert on ${table}`).execute(db);
    await sql.raw(`drop trigger ${table}_activity_update on ${table}`).execute(db);
    await sql.raw(`drop function note_${table}_activity()`).execute(db);
  }
  await sql`alter table analysis_runs drop column newest_purchase`.execute(db);
  await sql`alter table staging_accounts drop column customer_since`.execute(db);
  await sql`alter table accounts drop column customer_since, drop column first_activity_at`.execute(db);
}
