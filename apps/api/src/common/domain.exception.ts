import type { HttpStatus } from '@nestjs/common';
import type { Response } from 'express';

/** Base of every domain's exception: a stable string code, a Russian message, optional details. */
export abstract class DomainException<Code extends string> extends Error {
  constructor(
    readonly code: Code,
    message: string,
    readonly details: string[] = [],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The one JSON shape every mapped error has at the edge. */
export function sendDomainError(response: Response, status: HttpStatus, error: DomainException<string>): void {
  response.status(status).json({ error: error.code, message: error.message, details: error.details });
}
