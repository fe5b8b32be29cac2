import type { Request } from 'express';
import type { RoleGrant } from '@orientir/auth';

/** What a one-click link signed its holder in to: one event, or one school's stage. */
export interface LinkScope {
  linkId: string;
  purpose: 'event' | 'school';
  personId: string;
  holderName: string;
  cycleId: string;
  eventId: string | null;
  schoolId: string | null;
  /** «мероприятие № 7 «…»» / «школа «…»»: what the refusal and the page name. */
  itemLabel: string;
  expiresAt: Date;
}

/** The authenticated caller, attached to the request by AccessGuard. */
export interface Principal {
  /** The account; for a link holder without an account, the directory person's id. */
  userId: string;
  email: string;
  displayName: string;
  grants: RoleGrant[];
  via: 'session' | 'token' | 'link';
  /** The session, API token or link session id. */
  credentialId: string;
  /** Set for a session opened by a one-click link: the API serves only that item. */
  link?: LinkScope;
}

/** Who acts and from where: what every audited service call receives. */
export interface Actor {
  principal: Principal | null;
  ip: string | null;
  userAgent: string | null;
}

export type AuthenticatedRequest = Request & { principal?: Principal };

export function actorOf(request: AuthenticatedRequest): Actor {
  return {
    principal: request.principal ?? null,
    ip: request.ip ?? null,
    userAgent: request.get('user-agent')?.slice(0, 500) ?? null,
  };
}

/** For routes behind @Allow: the guard has put a principal there. */
export function requirePrincipal(actor: Actor): Principal {
  if (!actor.principal) throw new Error('No principal on a protected route: is AccessGuard registered?');
  return actor.principal;
}
