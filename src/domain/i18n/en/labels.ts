// The product's vocabulary in English: every stored value a person reads (statuses, classes,
// kinds, field names) has its label here and nowhere else.
export const labels = {
  accountStatus: {
    suspect: 'Suspect', lead: 'Lead', prospect: 'Prospect', customer: 'Customer', ex_customer: 'Ex-customer', partner: 'Partner',
  },
  accountKind: { company: 'Company', person: 'Person' },
  accountSize: { enterprise: 'Enterprise', mid_market: 'Mid-market', small: 'Small' },
  relationshipType: {
    direct: 'Direct', national_account: 'National account', distributor: 'Distributor', reseller: 'Reseller', partner: 'Partner', other: 'Other',
  },
  channel: { email: 'Email', phone: 'Phone', sms: 'SMS', post: 'Post', visit: 'Visit' },
  civility: { mr: 'Mr', ms: 'Ms', mx: 'Mx', dr: 'Dr' },
  orderStatus: { draft: 'Draft', confirmed: 'Confirmed', shipped: 'Shipped', invoiced: 'Invoiced', cancelled: 'Cancelled', returned: 'Returned' },
  orderKind: { order: 'Order', credit_note: 'Credit note' },
  interactionType: { call: 'Call', email: 'Email', meeting: 'Meeting', visit: 'Visit', chat: 'Chat', note: 'Note' },
  direction: { inbound: 'Inbound', outbound: 'Outbound', internal: 'Internal' },
  role: { admin: 'Admin', manager: 'Manager', rep: 'Sales rep' },
  timelineKind: { interaction: 'Interaction', order: 'Order', task: 'Task', status_change: 'Status change' },
  timelineKinds: { interaction: 'Interactions', order: 'Orders', task: 'Tasks', status_change: 'Status changes' },
  /** The analysis's classes, one group per dimension; "none" says why an account has no class. */
  activity: {
    current: 'Current', active: 'Active', inactive: 'Inactive', potential: 'Potential', probable: 'Probable', unqualified: 'Unqualified',
    ex_customer: 'Ex-customer', buying_now: 'Buying now (current or active)',
  },
  volumeTier: { very_high: 'Very high', high: 'High', average: 'Average', low: 'Low', none: 'Not ranked' },
  frequency: { frequent: 'Frequent', regular: 'Regular', occasional: 'Occasional', one_time: 'One-time', none: 'Never bought' },
  abc: { A: 'A', B: 'B', C: 'C', none: 'Not ranked' },
  rfm: {
    champions: 'Champions', loyal: 'Loyal', potential_loyalists: 'Potential loyalists', new: 'New', promising: 'Promising',
    need_attention: 'Need attention', about_to_sleep: 'About to sleep', cannot_lose: 'Cannot lose them', at_risk: 'At risk',
    hibernating: 'Hibernating', lost: 'Lost', none: 'No purchase yet',
  },
  churnSignal: {
    overdue_repurchase: 'Overdue repurchase', shrinking_purchase_value: 'Shrinking purchases', revenue_drop: 'Revenue drop',
    shrinking_frequency: 'Buying less often', probably_leaving: 'Probably leaving',
  },
  ranking: { period: 'Revenue of the period (Pareto)', quiet: 'Last active year (quiet accounts)' },
  dimension: {
    status: 'Activity', abc: 'ABC class', rfm: 'RFM segment', volumeTier: 'Sales-volume tier', frequency: 'Purchase frequency',
    country: 'Country', segment: 'Segment', sector: 'Sector', relationshipType: 'Relationship', size: 'Size', owner: 'Owner',
  },
  goalMetric: {
    activeAccounts: 'Active accounts', newCustomers: 'New customers', revenue: 'Revenue', averageTicket: 'Average ticket',
    retentionRate: 'Retention rate', revenueShareEnterprise: 'Revenue share of enterprises', revenueShareSmall: 'Revenue share of small accounts',
    enterpriseToSmallRevenue: 'Enterprise to small revenue ratio',
  },
  goalComparator: { atLeast: 'at least', atMost: 'at most' },
  /** Record fields by their API names: `hasInterest` reads "Has shown interest". */
  field: {
    id: 'ID', externalId: 'External ID', kind: 'Kind', name: 'Name', status: 'Status', sector: 'Sector', segment: 'Segment', size: 'Size',
    relationshipType: 'Relationship', country: 'Country', region: 'Region', city: 'City', postalCode: 'Postal code', website: 'Website',
    email: 'Email', phone: 'Phone', ownerId: 'Owner', tags: 'Tags', hasInterest: 'Has shown interest', hasFinancialCapacity: 'Has the means to buy',
    customerSince: 'Customer since', customFields: 'Custom fields', civility: 'Civility', firstName: 'First name', lastName: 'Last name',
    jobTitle: 'Job title', birthYear: 'Birth year', preferredChannel: 'Preferred channel', consent: 'Consent', doNotContact: 'Do not contact',
    accountId: 'Account', asOf: 'As of', password: 'Password', role: 'Role', active: 'Active', language: 'Language', currency: 'Currency',
    // The fields an import fills, as its report names them.
    accountExternalId: 'Account external ID', accountName: 'Account name', ownerEmail: 'Owner’s email', contactEmail: 'Contact’s email', userEmail: 'User’s email',
    sku: 'SKU', category: 'Category', description: 'Description', listPrice: 'List price', number: 'Number', orderNumber: 'Order number',
    cancelsOrderNumber: 'Cancels order', orderedAt: 'Order date', channel: 'Channel', total: 'Total', itemCount: 'Item count', quantity: 'Quantity',
    unitPrice: 'Unit price', discountPercent: 'Discount (%)', type: 'Type', subject: 'Subject', body: 'Notes', direction: 'Direction', outcome: 'Outcome',
    occurredAt: 'When',
  },
  language: { en: 'English', fr: 'Français', es: 'Español' },
  yes: 'Yes',
  no: 'No',
} as const;
