// Text copied out of a web page or a converted document keeps HTML pieces: <br>, &nbsp;, tags.
// They are turned back into the line breaks and characters they stand for.

const NAMED_ENTITIES: Record<string, string> = {
  nbsp: ' ',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  laquo: '«',
  raquo: '»',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  numero: '№',
  shy: '',
};

const TAG_PATTERN = /<\/?[a-zA-Z][a-zA-Z0-9:-]*(?:\s[^<>]*)?\/?>/g;

export function hasHtmlRemnants(text: string): boolean {
  return /<(br|p|div|span|td|tr|b|i|strong|em|font)\b[^<>]*>|&(nbsp|amp|laquo|raquo|#\d+);/i.test(text);
}

export function stripHtmlRemnants(text: string): string {
  return decodeEntities(
    text
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<\/(p|div|li|h[1-6])>/gi, '\n')
      .replace(/<\/t[dh]>/gi, '\t')
      .replace(/<\/tr>/gi, '\n')
      .replace(TAG_PATTERN, ''),
  );
}

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body: string) => {
    if (body.startsWith('#x') || body.startsWith('#X')) return String.fromCodePoint(parseInt(body.slice(2), 16));
    if (body.startsWith('#')) return String.fromCodePoint(parseInt(body.slice(1), 10));
    return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
  });
}

/** Non-breaking and odd spaces become plain spaces; line endings become \n. */
export function normalizeWhitespace(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00a0\u2000-\u200a\u202f\u205f\u3000]/g, ' ')
    .replace(/[\u200b\ufeff]/g, '');
}
