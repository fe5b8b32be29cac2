/**
 * Base of every domain's exception: a stable string code (one string enum per domain), a message a
 * person can act on (Russian: it is shown as is), and optional details naming rows or fields.
 * The HTTP edge maps the code to a status; nothing below the edge knows about HTTP.
 */
export abstract class DomainException<Code extends string = string, Details = readonly string[]> extends Error {
  constructor(
    readonly code: Code,
    message: string,
    readonly details: Details,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

export function isDomainException(error: unknown): error is DomainException<string, unknown> {
  return error instanceof DomainException;
}
