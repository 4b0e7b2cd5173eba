import { sql, type Kysely } from 'kysely';

/**
 * Imports: a run table for progress, reports and resume, and one unlogged staging table per
 * target. Rows are COPY'd into staging, then merged into the customer file by set-based SQL in
 * one transaction, so a crash leaves either the whole import or none of it.
 *
 * The account's search text is split in two so imports can rewrite the account's own part
 * without reading its contacts: `search_text` (name, ids, email, phone…) and
 * `contacts_search_text` (its contacts' names, emails, phones), searched together.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table accounts add column contacts_search_text text not null default ''`.execute(db);
  await sql`drop index accounts_search_idx`.execute(db);
  await sql`create index accounts_search_idx on accounts using gin ((search_text || ' | ' || contacts_search_text) gin_trgm_ops)`.execute(db);

  await sql`
    create table import_runs (
      id bigint generated always as identity primary key,
      target text not null,
      file_name text not null,
      file_sha256 text not null,
      options jsonb not null default '{}',
      status text not null check (status in ('running', 'committed', 'failed', 'rejected')),
      rows_read integer not null default 0,
      rows_written integer not null default 0,
      rows_rejected integer not null default 0,
      last_committed_row integer not null default 0,
      report jsonb,
      started_by bigint references users(id) on delete set null,
      started_at timestamptz(3) not null default now(),
      finished_at timestamptz(3)
    )`.execute(db);
  await sql`create index import_runs_file_idx on import_runs (file_sha256, target, id)`.execute(db);

  const staging = (name: string, columns: string) =>
    sql.raw(`create unlogged table ${name} (run_id bigint not null, row_no integer not null, ${columns})`).execute(db);
  await staging('staging_accounts', `
    external_id text, name text, kind text, status text, sector text, segment text, size text, relationship_type text,
    country text, region text, city text, postal_code text, website text, email text, phone text, owner_email text,
    tags text[], has_interest boolean, has_financial_capacity boolean, custom_fields jsonb, search_text text`);
  await staging('staging_contacts', `
    external_id text, account_external_id text, account_name text, civility text, first_name text, last_name text,
    job_title text, email text, phone text, birth_year integer, preferred_channel text, do_not_contact boolean`);
  await staging('staging_products', 'sku text, name text, category text, list_price_cents bigint');
  await staging('staging_orders', `
    number text, account_external_id text, account_name text, ordered_at timestamptz(3), channel text, status text,
    total_cents bigint, item_count integer`);
  await staging('staging_order_lines', `
    order_number text, account_external_id text, account_name text, country text, ordered_at timestamptz(3),
    sku text, description text, quantity integer, unit_price_cents bigint, discount_bp integer, total_cents bigint`);
  await staging('staging_interactions', `
    account_external_id text, account_name text, contact_email text, type text, direction text, subject text, body text,
    occurred_at timestamptz(3), user_email text, outcome text`);
  for (const table of ['staging_accounts', 'staging_contacts', 'staging_products', 'staging_orders', 'staging_order_lines', 'staging_interactions']) {
    await sql.raw(`create index ${table}_run_idx on ${table} (run_id, row_no)`).execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['staging_interactions', 'staging_order_lines', 'staging_orders', 'staging_products', 'staging_contacts', 'staging_accounts', 'import_runs']) {
    await sql.raw(`drop table if exists ${table}`).execute(db);
  }
  await sql`drop index accounts_search_idx`.execute(db);
  await sql`alter table accounts drop column contacts_search_text`.execute(db);
  await sql`create index accounts_search_idx on accounts using gin (search_text gin_trgm_ops)`.execute(db);
}
