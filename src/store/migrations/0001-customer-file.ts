import { sql, type Kysely } from 'kysely';
import {
  ACCOUNT_KINDS, ACCOUNT_SIZES, ACCOUNT_STATUSES, CHANNELS, CIVILITIES, DIRECTIONS,
  INTERACTION_TYPES, ORDER_CHANNELS, ORDER_STATUSES, RELATIONSHIP_TYPES, ROLES,
} from '../../domain/customer-file.js';

const oneOf = (column: string, values: readonly string[]) =>
  sql.raw(`check (${column} in (${values.map((v) => `'${v}'`).join(', ')}))`);

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create extension if not exists pg_trgm`.execute(db);

  await sql`
    create table users (
      id bigint generated always as identity primary key,
      email text not null,
      name text not null,
      role text not null ${oneOf('role', ROLES)},
      password_hash text not null,
      active boolean not null default true,
      created_at timestamptz(3) not null default now(),
      updated_at timestamptz(3) not null default now()
    )`.execute(db);
  await sql`create unique index users_email_key on users (lower(email))`.execute(db);

  await sql`
    create table sessions (
      token_hash text primary key,
      user_id bigint not null references users(id) on delete cascade,
      created_at timestamptz(3) not null default now(),
      expires_at timestamptz(3) not null
    )`.execute(db);

  await sql`
    create table api_tokens (
      id bigint generated always as identity primary key,
      user_id bigint not null references users(id) on delete cascade,
      name text not null,
      token_hash text not null unique,
      prefix text not null,
      created_at timestamptz(3) not null default now(),
      last_used_at timestamptz(3),
      revoked_at timestamptz(3)
    )`.execute(db);

  await sql`
    create table settings (
      key text primary key,
      value jsonb not null,
      updated_at timestamptz(3) not null default now()
    )`.execute(db);

  await sql`
    create table accounts (
      id bigint generated always as identity primary key,
      external_id text unique,
      kind text not null ${oneOf('kind', ACCOUNT_KINDS)},
      name text not null,
      status text not null ${oneOf('status', ACCOUNT_STATUSES)},
      status_changed_at timestamptz(3) not null default now(),
      sector text,
      segment text,
      size text ${oneOf('size', ACCOUNT_SIZES)},
      relationship_type text ${oneOf('relationship_type', RELATIONSHIP_TYPES)},
      country char(2),
      region text,
      city text,
      postal_code text,
      website text,
      email text,
      phone text,
      owner_id bigint references users(id) on delete set null,
      tags text[] not null default '{}',
      has_interest boolean not null default false,
      has_financial_capacity boolean not null default false,
      custom_fields jsonb not null default '{}',
      search_text text not null default '',
      created_at timestamptz(3) not null default now(),
      updated_at timestamptz(3) not null default now()
    )`.execute(db);
  for (const column of ['status', 'owner_id', 'segment', 'sector', 'country']) {
    await sql`create index ${sql.raw(`accounts_${column}_idx`)} on accounts (${sql.raw(column)}, id)`.execute(db);
  }
  await sql`create index accounts_name_idx on accounts (name, id)`.execute(db);
  await sql`create index accounts_created_idx on accounts (created_at, id)`.execute(db);
  await sql`create index accounts_updated_idx on accounts (updated_at, id)`.execute(db);
  await sql`create index accounts_tags_idx on accounts using gin (tags)`.execute(db);
  await sql`create index accounts_search_idx on accounts using gin (search_text gin_trgm_ops)`.execute(db);

  await sql`
    create table account_status_changes (
      id bigint generated always as identity primary key,
      account_id bigint not null references accounts(id) on delete cascade,
      from_status text,
      to_status text not null,
      changed_at timestamptz(3) not null default now(),
      changed_by bigint references users(id) on delete set null
    )`.execute(db);
  await sql`create index account_status_changes_account_idx on account_status_changes (account_id, changed_at)`.execute(db);

  await sql`
    create table contacts (
      id bigint generated always as identity primary key,
      account_id bigint not null references accounts(id) on delete cascade,
      external_id text unique,
      civility text ${oneOf('civility', CIVILITIES)},
      first_name text,
      last_name text not null,
      job_title text,
      email text,
      phone text,
      birth_year integer,
      preferred_channel text ${oneOf('preferred_channel', CHANNELS)},
      consent jsonb not null default '{}',
      do_not_contact boolean not null default false,
      created_at timestamptz(3) not null default now(),
      updated_at timestamptz(3) not null default now()
    )`.execute(db);
  await sql`create index contacts_account_idx on contacts (account_id, id)`.execute(db);
  await sql`create index contacts_email_idx on contacts (lower(email))`.execute(db);
  await sql`create index contacts_name_idx on contacts (last_name, id)`.execute(db);

  await sql`
    create table products (
      id bigint generated always as identity primary key,
      sku text not null unique,
      name text not null,
      category text,
      list_price_cents bigint not null,
      active boolean not null default true,
      created_at timestamptz(3) not null default now(),
      updated_at timestamptz(3) not null default now()
    )`.execute(db);

  await sql`
    create table orders (
      id bigint generated always as identity primary key,
      account_id bigint not null references accounts(id),
      number text not null unique,
      ordered_at timestamptz(3) not null,
      channel text ${oneOf('channel', ORDER_CHANNELS)},
      status text not null ${oneOf('status', ORDER_STATUSES)},
      total_cents bigint not null default 0,
      item_count integer not null default 0,
      created_at timestamptz(3) not null default now(),
      updated_at timestamptz(3) not null default now()
    )`.execute(db);
  await sql`create index orders_account_idx on orders (account_id, ordered_at desc, id desc)`.execute(db);
  await sql`create index orders_ordered_idx on orders (ordered_at, id)`.execute(db);

  await sql`
    create table order_lines (
      id bigint generated always as identity primary key,
      order_id bigint not null references orders(id) on delete cascade,
      line_no integer not null,
      product_id bigint references products(id),
      description text,
      quantity integer not null,
      unit_price_cents bigint not null,
      discount_bp integer not null default 0 check (discount_bp between 0 and 10000),
      total_cents bigint not null,
      unique (order_id, line_no)
    )`.execute(db);
  await sql`create index order_lines_product_idx on order_lines (product_id)`.execute(db);

  await sql`
    create table interactions (
      id bigint generated always as identity primary key,
      account_id bigint not null references accounts(id) on delete cascade,
      contact_id bigint references contacts(id) on delete set null,
      type text not null ${oneOf('type', INTERACTION_TYPES)},
      direction text ${oneOf('direction', DIRECTIONS)},
      subject text not null,
      body text,
      occurred_at timestamptz(3) not null,
      user_id bigint references users(id) on delete set null,
      outcome text,
      created_at timestamptz(3) not null default now(),
      updated_at timestamptz(3) not null default now()
    )`.execute(db);
  await sql`create index interactions_account_idx on interactions (account_id, occurred_at desc, id desc)`.execute(db);

  await sql`
    create table tasks (
      id bigint generated always as identity primary key,
      account_id bigint not null references accounts(id) on delete cascade,
      assignee_id bigint references users(id) on delete set null,
      title text not null,
      notes text,
      due_at timestamptz(3) not null,
      remind_at timestamptz(3),
      done boolean not null default false,
      done_at timestamptz(3),
      created_at timestamptz(3) not null default now(),
      updated_at timestamptz(3) not null default now()
    )`.execute(db);
  await sql`create index tasks_account_idx on tasks (account_id, due_at desc, id desc)`.execute(db);
  await sql`create index tasks_assignee_idx on tasks (assignee_id, done, due_at)`.execute(db);

  await sql`
    create table audit_log (
      id bigint generated always as identity primary key,
      at timestamptz(3) not null default now(),
      user_id bigint references users(id) on delete set null,
      action text not null,
      entity text not null,
      entity_id text not null,
      changes jsonb
    )`.execute(db);
  await sql`create index audit_log_entity_idx on audit_log (entity, entity_id, id)`.execute(db);
  await sql`create index audit_log_user_idx on audit_log (user_id, id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['audit_log', 'tasks', 'interactions', 'order_lines', 'orders', 'products', 'contacts',
    'account_status_changes', 'accounts', 'settings', 'api_tokens', 'sessions', 'users']) {
    await sql`drop table if exists ${sql.table(table)}`.execute(db);
  }
}
