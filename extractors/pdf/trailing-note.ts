/**
 * A sentence printed under a table's last row (See notes at end of table.): one text of four
 * words or more ending in a full stop is a note on the table, not a row without amounts.
 */
export function isTrailingNote(atoms: readonly { text: string }[]): boolean {
  return atoms.length === 1 && /^\S+(\s+\S+){3,}[.。]$/.test(atoms[0].text.trim());
}
