// The vocabulary of the customer file. Each list is the single source for the database
// checks, the API schemas and the CLI choices.

export const ACCOUNT_KINDS = ['company', 'person'] as const;
export type AccountKind = (typeof ACCOUNT_KINDS)[number];

export const ACCOUNT_STATUSES = ['suspect', 'lead', 'prospect', 'customer', 'ex_customer', 'partner'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

export const ACCOUNT_SIZES = ['enterprise', 'mid_market', 'small'] as const;
export type AccountSize = (typeof ACCOUNT_SIZES)[number];

export const RELATIONSHIP_TYPES = ['direct', 'national_account', 'distributor', 'reseller', 'partner', 'other'] as const;
export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number];

export const CHANNELS = ['email', 'phone', 'sms', 'post', 'visit'] as const;
export type Channel = (typeof CHANNELS)[number];

export const CIVILITIES = ['mr', 'ms', 'mx', 'dr'] as const;
export type Civility = (typeof CIVILITIES)[number];

export const ORDER_STATUSES = ['draft', 'confirmed', 'shipped', 'invoiced', 'cancelled', 'returned'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** An order is a purchase; a credit note (a cancellation or a return) takes revenue back and is no purchase. */
export const ORDER_KINDS = ['order', 'credit_note'] as const;
export type OrderKind = (typeof ORDER_KINDS)[number];

export const ORDER_CHANNELS = ['direct', 'web', 'phone', 'email', 'store', 'partner', 'other'] as const;
export type OrderChannel = (typeof ORDER_CHANNELS)[number];

export const INTERACTION_TYPES = ['call', 'email', 'meeting', 'visit', 'chat', 'note'] as const;
export type InteractionType = (typeof INTERACTION_TYPES)[number];

export const DIRECTIONS = ['inbound', 'outbound', 'internal'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const ROLES = ['admin', 'manager', 'rep'] as const;
export type Role = (typeof ROLES)[number];

export const TIMELINE_KINDS = ['interaction', 'order', 'task', 'status_change'] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

/** Consent for one channel: granted or withdrawn, where it came from and when. */
export interface ChannelConsent {
  granted: boolean;
  source: string;
  at: string;
}
export type ConsentByChannel = Partial<Record<Channel, ChannelConsent>>;
