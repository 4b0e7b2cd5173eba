// A spreadsheet runs a cell that starts with = + - or @ (or a tab or carriage return, which some
// strip first) as a formula, so an exported name like =HYPERLINK("http://x") could act when the
// file is opened. OWASP's advice: a leading apostrophe, which spreadsheets read as "text". Import
// removes exactly that apostrophe, so every value survives export and re-import unchanged; a
// value that itself starts with apostrophes before such a character gets one more on export.

const FORMULA_START = /^'*[=+\-@\t\r]/;

/** For CSV, where a spreadsheet decides what a cell is. */
export const escapeFormula = (text: string): string => (FORMULA_START.test(text) ? `'${text}` : text);

/** For XLSX string cells, which are never formulas: only the apostrophes import would strip need one more. */
export const escapeApostrophes = (text: string): string => (/^'+[=+\-@\t\r]/.test(text) ? `'${text}` : text);

/** The inverse of both: drops one apostrophe that guards a formula character. */
export const unescapeFormula = (text: string): string =>
  (text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text);
