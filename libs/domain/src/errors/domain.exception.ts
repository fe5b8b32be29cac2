/**
 * Base of every domain's exception: a stable string code (one string enum per domain), a message a
 * person can act on (Russian: it is shown as is), and optional details naming rows or fields.
 * The HTTP edge maps the code to a status; nothing below the edge knows about HTTP.
 */
export abstract class DomainException<Code extends string = string, Details = readonly string[]> extends Error {
  /** Lines naming the rows or fields at fault (none by default), or a domain's own structure. */
  readonly details: Details;

  constructor(
    readonly code: Code,
    message: string,
    details?: Details,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
    this.details = details ?? ([] as Details);
  }
}

export function isDomainException(error: unknown): error is DomainException<string, unknown> {
  return error instanceof DomainException;
}
