// Row numbers in roadmaps: "1", "1.", "2.3", "4)". Anything else in the number column is text.

const ROW_NUMBER = /^\s*(\d{1,3}(?:\.\d{1,3})*)[.)]?\s*$/;

export function isRowNumber(text: string): boolean {
  return ROW_NUMBER.test(text);
}

/** "1." → "1", "2.3." → "2.3"; text that is not a number is returned trimmed. */
export function normalizeRowNumber(text: string): string {
  const match = ROW_NUMBER.exec(text);
  return match ? match[1] : text.trim();
}

/** A column-number row ("1 | 2 | 3 | 4 | 5") that Russian tables put under the header. */
export function isColumnNumberRow(cells: string[]): boolean {
  const filled = cells.map((cell) => cell.trim()).filter((cell) => cell !== '');
  return filled.length >= 3 && filled.every((cell, index) => cell === String(index + 1) || cell === `${index + 1}.`);
}

/** "№", "№ п/п", "п/п": a running number column, which lists of schools and curators do not need. */
export function isNumberHeader(header: string): boolean {
  return /^(№|n)?\s*(п\/п)?\.?$/iu.test(header.trim()) && header.trim() !== '';
}
