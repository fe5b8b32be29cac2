// Shared helpers for the plain-text readers.

export interface TextLine {
  /** 1-based line number in the source text. */
  number: number;
  text: string;
}

export function toLines(text: string): TextLine[] {
  return text.split('\n').map((line, index) => ({ number: index + 1, text: line.replace(/ +$/, '') }));
}

export function isBlank(line: string): boolean {
  return !line.includes('\t') && line.trim() === '';
}

/** Whitespace collapsed to single spaces: for titles and other running text. */
export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Paragraphs: runs of non-blank lines, each collapsed to one line of text. */
export function paragraphs(lines: TextLine[]): string[] {
  const result: string[] = [];
  let current: string[] = [];
  for (const line of lines) {
    if (line.text.trim() === '') {
      if (current.length > 0) result.push(collapse(current.join(' ')));
      current = [];
    } else current.push(line.text.replace(/\t/g, ' '));
  }
  if (current.length > 0) result.push(collapse(current.join(' ')));
  return result;
}
