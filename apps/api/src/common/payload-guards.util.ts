// Checks every request payload passes once, at the edge, before any DTO, service or database sees it.

/** Deeper than any real payload (a roadmap is about 6 levels); keeps recursion in validators bounded. */
export const MAX_JSON_DEPTH = 32;

/** At most this many problems are listed in one error answer; the rest are counted. */
export const MAX_LISTED_PROBLEMS = 50;

/**
 * How deep the brackets of a JSON text nest, stopping as soon as `limit` is exceeded.
 * Scans the raw bytes (no recursion, no parse), so a 5,000-level body costs one pass.
 */
export function jsonDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (++depth > limit) return true;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) depth--;
  }
  return false;
}

// C0 controls except tab, line feed and carriage return, DEL, and C1 controls. PostgreSQL text
// refuses NUL outright; the others only hide text from a reader.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/**
 * Paths (`events[3].title`) of every string, key included, that holds a control character.
 * Iterative, so it is safe on any depth; stops after `max` findings.
 */
export function controlCharacterPaths(value: unknown, max = MAX_LISTED_PROBLEMS): string[] {
  const found: string[] = [];
  const stack: { value: unknown; path: string }[] = [{ value, path: '' }];
  while (stack.length && found.length < max) {
    const { value: current, path } = stack.pop() as { value: unknown; path: string };
    if (typeof current === 'string') {
      if (CONTROL.test(current)) found.push(path || '(тело запроса)');
    } else if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) stack.push({ value: current[i], path: `${path}[${i}]` });
    } else if (current !== null && typeof current === 'object') {
      for (const [key, child] of Object.entries(current as Record<string, unknown>).reverse()) {
        const childPath = path ? `${path}.${key}` : key;
        if (CONTROL.test(key)) found.push(`${path || '(тело запроса)'}: имя поля`);
        stack.push({ value: child, path: childPath });
      }
    }
  }
  return found;
}

/** Keeps an error answer small: the first `max` problems and a count of the rest. */
export function capProblems(problems: string[], max = MAX_LISTED_PROBLEMS): string[] {
  if (problems.length <= max) return problems;
  return [...problems.slice(0, max), `… и еще ${problems.length - max} ошибок`];
}
