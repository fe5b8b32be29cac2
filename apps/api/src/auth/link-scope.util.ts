import { SetMetadata } from '@nestjs/common';
import type { LinkScope } from './principal.model';

export const LINK_SCOPE_RULE = 'orientir:link-scope';

/** Which route parameters name the cycle, the event and the school the route touches. */
export interface LinkScopeRule {
  cycle?: string;
  event?: string;
  school?: string;
}

/**
 * Opens a route to sessions from one-click links, as long as every item the route names is the
 * link's own. Without it a link session is refused (AccessGuard), whatever its role would allow.
 */
export const LinkScoped = (rule: LinkScopeRule = {}): MethodDecorator => SetMetadata(LINK_SCOPE_RULE, rule);

/**
 * Why a link session may not call this route with these parameters (a Russian sentence), or null.
 * Parameters named `eventId`/`schoolId`/`cycleId` count even on a route that forgot to declare them.
 */
export function linkScopeProblem(
  link: LinkScope,
  rule: LinkScopeRule | undefined,
  params: Record<string, string | undefined>,
): string | null {
  const refusal = `Ссылка из письма для ${link.holderName} открывает только ${link.itemLabel}. Чтобы открыть другое, войдите в «Ориентир» со своей учетной записью`;
  if (!rule) return refusal;
  const named = (key: string | undefined, fallback: string) => params[key ?? fallback];
  const cycle = named(rule.cycle, 'cycleId');
  const event = named(rule.event, 'eventId');
  const school = named(rule.school, 'schoolId');
  if (cycle !== undefined && cycle !== link.cycleId) return refusal;
  if (event !== undefined && event !== link.eventId) return refusal;
  if (school !== undefined && school !== link.schoolId) return refusal;
  return null;
}
