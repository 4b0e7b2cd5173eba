// The words an import is described with, shared by the importer, the API, the CLI and the web app.

/** What a file can be imported as. */
export const IMPORT_TARGETS = ['accounts', 'contacts', 'products', 'orders', 'order-lines', 'interactions'] as const;
export type ImportTarget = (typeof IMPORT_TARGETS)[number];

/** How a file writes its days. */
export const DATE_FORMATS = ['iso', 'ymd_compact', 'dmy', 'mdy'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

/** Orders and order lines naming no customer: kept on one walk-in account, or left out. */
export const GUEST_HANDLING = ['walk-in', 'leave-out'] as const;
export type GuestHandling = (typeof GUEST_HANDLING)[number];
