// The words of the demo portfolio: company names, job titles, tags, and what sales people write
// in their interactions and tasks.
import type { InteractionType } from '../../domain/customer-file.js';
import type { DemoSector } from './demo-catalogue.js';

export const SECTOR_WORDS: Record<DemoSector, readonly string[]> = {
  retail: ['Stores', 'Retail', 'Market', 'Boutiques', 'Outlet'],
  manufacturing: ['Industries', 'Manufacturing', 'Components', 'Engineering', 'Metalworks'],
  healthcare: ['Health', 'Clinic', 'Medical', 'Care', 'Dental'],
  software: ['Software', 'Systems', 'Digital', 'Tech', 'Labs'],
  hospitality: ['Hotels', 'Hospitality', 'Restaurants', 'Resorts', 'Catering'],
  logistics: ['Logistics', 'Transport', 'Freight', 'Distribution', 'Shipping'],
  construction: ['Construction', 'Builders', 'Building', 'Renovation', 'Civil Works'],
  education: ['Academy', 'Learning', 'School', 'Training Centre', 'Institute'],
  'professional services': ['Consulting', 'Partners', 'Advisory', 'Associates', 'Accountants'],
  'public administration': ['Purchasing', 'Facilities', 'Schools department', 'IT department', 'Parks and gardens'],
};

export const BRAND_WORDS = [
  'Atlas', 'Nova', 'Vertex', 'Orion', 'Helios', 'Summit', 'Alpine', 'Blue River', 'Northwind', 'Silverline', 'Greenfield',
  'Redwood', 'Keystone', 'Horizon', 'Pioneer', 'Meridian', 'Crescent', 'Evergreen', 'Falcon', 'Harbor', 'Beacon', 'Cobalt',
  'Granite', 'Lumen', 'Polaris', 'Quartz', 'Sterling', 'Tandem', 'Unity', 'Zenith', 'Aurora', 'Cedar', 'Delta', 'Ember',
];

export const JOB_TITLES = [
  'Purchasing Manager', 'Procurement Officer', 'Chief Executive Officer', 'Managing Director', 'Chief Financial Officer',
  'Head of Operations', 'IT Manager', 'Office Manager', 'Facilities Manager', 'Store Manager', 'Plant Manager',
  'Health and Safety Officer', 'Logistics Coordinator', 'Accounts Payable Clerk', 'Executive Assistant',
];

export const TAGS = [
  'newsletter', 'trade-fair', 'vip', 'framework-contract', 'referral', 'multi-site', 'export', 'eco-label',
  'late-payer', 'pilot-customer', 'public-tender', 'seasonal',
];

export const ACQUISITION_SOURCES = ['trade fair', 'website', 'referral', 'cold call', 'partner', 'tender'] as const;

export const CONSENT_SOURCES = ['web form', 'trade fair', 'contract', 'phone call', 'newsletter sign-up'] as const;

export interface InteractionWording {
  subjects: readonly string[];
  outcomes: readonly (string | null)[];
}

export const INTERACTION_WORDING: Record<InteractionType, InteractionWording> = {
  call: {
    subjects: ['Follow-up call on the last quote', 'Check-in call', 'Call about a delivery delay', 'Renewal discussion',
      'Introductory call', 'Call about next quarter\'s needs', 'Payment reminder call'],
    outcomes: ['reached', 'voicemail', 'call back later', 'quote requested', 'not interested'],
  },
  email: {
    subjects: ['Sent the updated price list', 'Quote sent', 'Answered a product question', 'Invoice copy requested',
      'Order confirmation query', 'Shared the new catalogue'],
    outcomes: [null, 'replied', 'no reply'],
  },
  meeting: {
    subjects: ['Quarterly business review', 'Product demo', 'Contract negotiation', 'Annual review', 'Kick-off meeting'],
    outcomes: ['positive', 'neutral', 'negative', 'order expected'],
  },
  visit: {
    subjects: ['On-site visit', 'Site survey', 'Showroom visit', 'Visit at the trade fair stand'],
    outcomes: ['positive', 'neutral', 'quote requested'],
  },
  chat: {
    subjects: ['Web chat about stock availability', 'Chat about delivery tracking', 'Chat about an invoice'],
    outcomes: [null, 'resolved'],
  },
  note: {
    subjects: ['Budget frozen until next quarter', 'New purchasing manager in post', 'Received a competitor offer',
      'Prefers invoices by post', 'Moving to a new site next year', 'Merger under discussion'],
    outcomes: [null],
  },
};

export const WIN_BACK_SUBJECTS = ['Win-back call', 'Win-back offer sent', 'Asked why orders stopped'];

export const TASK_TITLES = {
  customer: ['Prepare the quarterly review', 'Send the new catalogue', 'Check stock for the next order', 'Renew the framework contract',
    'Follow up on an overdue invoice', 'Plan a site visit'],
  lapsing: ['Call to understand the drop in orders', 'Offer a loyalty discount'],
  prospect: ['Send the proposal', 'Follow up on the quote', 'Book a product demo'],
  lead: ['Qualify the lead', 'Find the purchasing contact'],
  exCustomer: ['Win-back call', 'Send a win-back offer'],
  suspect: ['Check whether they have a need'],
} as const;
