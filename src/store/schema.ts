// The database as Kysely sees it. Row types for the rest of the code are derived from these
// with Selectable / Insertable / Updateable rather than restated.
import type { Language } from '../domain/i18n/languages.js';
import type { CustomFields } from '../domain/schemas/account.js';
import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type {
  AccountKind, AccountSize, AccountStatus, Channel, Civility, ConsentByChannel, Direction,
  InteractionType, OrderChannel, OrderKind, OrderStatus, RelationshipType, Role,
} from '../domain/customer-file.js';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
// Updated only when two records merge: the kept one was created when the older was.
type CreatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
type Id = Generated<number>;

export interface UsersTable {
  id: Id;
  email: string;
  name: string;
  role: Role;
  password_hash: string;
  active: Generated<boolean>;
  language: ColumnType<Language | null, Language | null | undefined, Language | null>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface SessionsTable {
  token_hash: string;
  user_id: number;
  created_at: CreatedAt;
  expires_at: Timestamp;
}

export interface ApiTokensTable {
  id: Id;
  user_id: number;
  name: string;
  token_hash: string;
  prefix: string;
  created_at: CreatedAt;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface SettingsTable {
  key: string;
  value: ColumnType<unknown, string, string>;
  updated_at: UpdatedAt;
}

export interface AccountsTable {
  id: Id;
  external_id: string | null;
  kind: AccountKind;
  name: string;
  status: AccountStatus;
  status_changed_at: Timestamp;
  sector: string | null;
  segment: string | null;
  size: AccountSize | null;
  relationship_type: RelationshipType | null;
  country: string | null;
  region: string | null;
  city: string | null;
  postal_code: string | null;
  website: string | null;
  email: string | null;
  phone: string | null;
  owner_id: number | null;
  tags: ColumnType<string[], string[] | undefined, string[]>;
  has_interest: Generated<boolean>;
  has_financial_capacity: Generated<boolean>;
  custom_fields: JSONColumnType<CustomFields, string | undefined, string>;
  search_text: string;
  contacts_search_text: Generated<string>;
  /** YYYY-MM-DD: the day the user says the relationship began. */
  customer_since: string | null;
  /** Kept by triggers: the first contact or interaction, when older than the account's creation. */
  first_activity_at: ColumnType<Date | null, never, never>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface AccountStatusChangesTable {
  id: Id;
  account_id: number;
  from_status: AccountStatus | null;
  to_status: AccountStatus;
  changed_at: Timestamp;
  changed_by: number | null;
}

export interface ContactsTable {
  id: Id;
  account_id: number;
  external_id: string | null;
  civility: Civility | null;
  first_name: string | null;
  last_name: string;
  job_title: string | null;
  email: string | null;
  phone: string | null;
  birth_year: number | null;
  preferred_channel: Channel | null;
  consent: JSONColumnType<ConsentByChannel, string | undefined, string>;
  do_not_contact: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface ProductsTable {
  id: Id;
  sku: string;
  name: string;
  category: string | null;
  list_price_cents: number;
  active: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface OrdersTable {
  id: Id;
  account_id: number;
  number: string;
  ordered_at: Timestamp;
  channel: OrderChannel | null;
  status: OrderStatus;
  total_cents: number;
  item_count: number;
  /** A credit note (a cancellation or return) reduces revenue and is no purchase; see migration 0009. */
  kind: Generated<OrderKind>;
  cancels_order_id: number | null;
  /** The order's own currency (ISO 4217), or null: the organisation's. Migration 0013. */
  currency: string | null;
  /** One unit of the order's currency in the organisation's (numeric as a string); null when in the organisation's. */
  exchange_rate: string | null;
  /** The day of the rate used: the latest rate on or before the order's day. */
  rate_day: string | null;
  /** The total in the organisation's currency, generated from the total and the rate: what analyses sum. */
  base_total_cents: ColumnType<number, never, never>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface OrderLinesTable {
  id: Id;
  order_id: number;
  line_no: number;
  product_id: number | null;
  description: string | null;
  quantity: number;
  unit_price_cents: number;
  discount_bp: number;
  total_cents: number;
  /** The unit price as imported when finer than a cent (0.001); unit_price_cents holds it rounded. */
  unit_price_exact: Generated<string | null>;
}

export interface InteractionsTable {
  id: Id;
  account_id: number;
  contact_id: number | null;
  type: InteractionType;
  direction: Direction | null;
  subject: string;
  body: string | null;
  occurred_at: Timestamp;
  user_id: number | null;
  outcome: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface TasksTable {
  id: Id;
  account_id: number;
  assignee_id: number | null;
  title: string;
  notes: string | null;
  due_at: Timestamp;
  remind_at: Timestamp | null;
  done: Generated<boolean>;
  done_at: Timestamp | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface AuditLogTable {
  id: Id;
  at: CreatedAt;
  user_id: number | null;
  action: string;
  entity: string;
  entity_id: string;
  changes: JSONColumnType<Record<string, unknown> | null, string | null, never>;
}

export interface MergedRecordsTable {
  entity: 'account' | 'contact';
  old_id: number;
  new_id: number;
  merged_at: Timestamp;
  merged_by: number | null;
}

export interface DismissedDuplicatesTable {
  entity: 'account' | 'contact';
  /** The pair's smaller id. */
  low_id: number;
  high_id: number;
  dismissed_at: Timestamp;
  dismissed_by: number | null;
}

/** Written only by the triggers on orders (migration 0004). */
export interface AccountPurchasesTable {
  account_id: number;
  order_count: number;
  revenue_cents: number;
  first_purchase: string;
  last_purchase: string;
  days: string[];
  day_orders: number[];
  day_revenue_cents: (number | string)[];
  mean_gap_days: number | null;
  median_gap_days: number | null;
  updated_at: UpdatedAt;
}

export interface AnalysisRunsTable {
  id: Id;
  kind: 'run' | 'snapshot';
  as_of: string;
  settings: JSONColumnType<Record<string, unknown>, string, string>;
  portfolio: JSONColumnType<Record<string, unknown>, string, string>;
  model: JSONColumnType<Record<string, unknown> | null, string | null, string | null>;
  account_count: number;
  duration_ms: number;
  created_at: CreatedAt;
  created_by: number | null;
  newest_purchase: string | null;
}

export interface AccountClassesTable {
  run_id: number;
  account_id: number;
  status: string;
  volume_tier: string;
  frequency: string;
  abc: string;
  rfm_segment: string;
  recency_score: number | null;
  frequency_score: number | null;
  monetary_score: number | null;
  revenue_cents: number;
  period_revenue_cents: number;
  average_ticket_cents: number | null;
  order_count: number;
  last_purchase: string | null;
  churn_signals: string[];
  recovery_score: number | null;
  growth_potential_cents: number | null;
  p_alive: number | null;
  clv_cents: number | null;
  /** The revenue the account's ABC class ranks on (abc.ts); null when it has no class figure. */
  value_cents: number | null;
  median_gap_days: number | null;
  /** Runs since migration 0012 keep these instead of each account's explanation (explain-account.ts). */
  abc_rank: number | null;
  abc_above_cents: number | null;
  alike_customers: number | null;
  /** Index into PEER_GROUP_NAMES. */
  peer_group: number | null;
  peer_count: number | null;
  peer_benchmark_cents: number | null;
  recovery_revenue_rank: number | null;
  recovery_frequency_rank: number | null;
  /** The explanation of runs stored before migration 0012, and of accounts placed again after an order; null otherwise. */
  reasons: JSONColumnType<Record<string, unknown>, string | null, string> | null;
}

/** Rates an admin enters or imports: one unit of `currency` in the organisation's currency on `day`. */
export interface ExchangeRatesTable {
  currency: string;
  day: string;
  rate: string;
  updated_at: UpdatedAt;
}

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  settings: SettingsTable;
  accounts: AccountsTable;
  account_status_changes: AccountStatusChangesTable;
  contacts: ContactsTable;
  products: ProductsTable;
  orders: OrdersTable;
  exchange_rates: ExchangeRatesTable;
  order_lines: OrderLinesTable;
  interactions: InteractionsTable;
  tasks: TasksTable;
  audit_log: AuditLogTable;
  merged_records: MergedRecordsTable;
  dismissed_duplicates: DismissedDuplicatesTable;
  account_purchases: AccountPurchasesTable;
  analysis_runs: AnalysisRunsTable;
  account_classes: AccountClassesTable;
}
