import { sql, type Kysely } from 'kysely';

/**
 * Each user's language for the web app (docs/languages.md). Null means "none chosen": the web
 * app then follows the browser's. The check holds the languages shipped when it was written;
 * a new language is a new migration widening it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table users add column language text check (language in ('en', 'fr', 'es'))`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table users drop column language`.execute(db);
}
