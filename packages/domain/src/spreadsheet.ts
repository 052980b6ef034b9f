/**
 * Text for a spreadsheet. A cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage return is read as a
 * formula by Excel and its kin (CSV injection): such a cell gets a leading apostrophe, which they show as text.
 */
export function spreadsheetSafe(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** One CSV cell (RFC 4180): made spreadsheet-safe, then quoted when it holds a comma, a quote or a line break. */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  // Numbers are ours (amounts, quantities), never a formula, and a negative one stays a number.
  if (typeof value === 'number') return String(value);
  const safe = spreadsheetSafe(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A CSV record, ended by CRLF as RFC 4180 says. */
export const csvRow = (values: readonly (string | number | null)[]): string => `${values.map(csvCell).join(',')}\r\n`;
