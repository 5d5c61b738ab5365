/**
 * CSV formula injection guard (OWASP "CSV Injection"): text from a public PDF or HTML page that
 * starts with = + - @ TAB or CR is a formula to Excel, WPS and LibreOffice (=HYPERLINK(…),
 * =cmd|' /C calc'!A0). Such a cell gets a leading apostrophe, which the spreadsheet shows as text
 * and does not run. Numbers are never touched: -12.50 stays a number.
 */

const TRIGGER = /^[=+\-@\t\r]/;
/** A plain number as yusuan writes one (decimal strings, optional sign); these are left alone. */
const NUMBER = /^[+-]?\d+(?:\.\d+)?$/;

export function neutralizeFormula(cell: string): string {
  return TRIGGER.test(cell) && !NUMBER.test(cell) ? `'${cell}` : cell;
}
