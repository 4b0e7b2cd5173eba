// A portfolio as plain records that refer to each other by natural keys (user emails, account
// and contact external ids, product SKUs, order numbers) rather than database ids, so they can
// be built before any row exists and bulk-loaded in one pass. Timestamps are ISO 8601 strings.
import type {
  AccountKind, AccountSize, AccountStatus, Channel, Civility, ConsentByChannel, Direction,
  InteractionType, OrderChannel, OrderStatus, RelationshipType, Role,
} from './customer-file.js';

export interface PortfolioUser {
  email: string;
  name: string;
  role: Role;
}

export interface PortfolioProduct {
  sku: string;
  name: string;
  category: string;
  listPriceCents: number;
  active: boolean;
}

export interface PortfolioAccount {
  externalId: string;
  kind: AccountKind;
  name: string;
  status: AccountStatus;
  statusChangedAt: string;
  sector: string | null;
  segment: string | null;
  size: AccountSize | null;
  relationshipType: RelationshipType | null;
  country: string | null;
  region: string | null;
  city: string | null;
  postalCode: string | null;
  website: string | null;
  email: string | null;
  phone: string | null;
  ownerEmail: string | null;
  tags: string[];
  hasInterest: boolean;
  hasFinancialCapacity: boolean;
  customFields: Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
}

export interface PortfolioStatusChange {
  fromStatus: AccountStatus | null;
  toStatus: AccountStatus;
  changedAt: string;
  changedByEmail: string | null;
}

export interface PortfolioContact {
  externalId: string;
  civility: Civility | null;
  firstName: string | null;
  lastName: string;
  jobTitle: string | null;
  email: string | null;
  phone: string | null;
  birthYear: number | null;
  preferredChannel: Channel | null;
  consent: ConsentByChannel;
  doNotContact: boolean;
  createdAt: string;
}

export interface PortfolioOrderLine {
  lineNo: number;
  productSku: string | null;
  description: string | null;
  quantity: number;
  unitPriceCents: number;
  discountBasisPoints: number;
  totalCents: number;
}

export interface PortfolioOrder {
  number: string;
  orderedAt: string;
  channel: OrderChannel | null;
  status: OrderStatus;
  totalCents: number;
  itemCount: number;
  lines: PortfolioOrderLine[];
}

export interface PortfolioInteraction {
  contactExternalId: string | null;
  type: InteractionType;
  direction: Direction | null;
  subject: string;
  body: string | null;
  occurredAt: string;
  userEmail: string | null;
  outcome: string | null;
}

export interface PortfolioTask {
  assigneeEmail: string | null;
  title: string;
  notes: string | null;
  dueAt: string;
  remindAt: string | null;
  done: boolean;
  doneAt: string | null;
  createdAt: string;
}

/** One account with everything that belongs to it: the unit a bulk load writes. */
export interface PortfolioAccountRecord {
  account: PortfolioAccount;
  statusChanges: PortfolioStatusChange[];
  contacts: PortfolioContact[];
  orders: PortfolioOrder[];
  interactions: PortfolioInteraction[];
  tasks: PortfolioTask[];
}
