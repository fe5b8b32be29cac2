import type { Request } from 'express';
import type { RoleGrant } from '@orientir/auth';

/** The authenticated caller, attached to the request by AccessGuard. */
export interface Principal {
  userId: string;
  email: string;
  displayName: string;
  grants: RoleGrant[];
  via: 'session' | 'token';
  /** The session or API token id. */
  credentialId: string;
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
