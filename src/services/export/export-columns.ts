// The columns of each export are the import's own field names, in the import's order, so an
// exported file imports back as it is, with no mapping.
import { type FieldKind, IMPORT_TARGETS, type ImportTarget, TARGET_FIELDS } from '../../import/targets.js';

export const EXPORT_TARGETS = IMPORT_TARGETS;
export type ExportTarget = ImportTarget;

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportColumn {
  field: string;
  kind: FieldKind;
}

/**
 * Import fields an export leaves out: a line's country only serves to create missing accounts,
 * and the invoice a credit note cancels is a link the import makes, not a line's own value.
 */
const LEFT_OUT: Partial<Record<ExportTarget, readonly string[]>> = { 'order-lines': ['country', 'cancelsOrderNumber'] };

export function exportColumns(target: ExportTarget): ExportColumn[] {
  return TARGET_FIELDS[target]
    .filter((spec) => !LEFT_OUT[target]?.includes(spec.field))
    .map((spec) => ({ field: spec.field, kind: spec.kind }));
}

/** The format a file name implies, if any. */
export function formatOfPath(path: string): ExportFormat | undefined {
  const match = /\.(csv|xlsx)$/i.exec(path);
  return match ? (match[1]!.toLowerCase() as ExportFormat) : undefined;
}
