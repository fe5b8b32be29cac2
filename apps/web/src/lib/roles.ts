import { ROLE_TITLES_RU, SCOPES_OF_ROLE } from '@orientir/auth';
import type { Schemas } from '../api/client';

export type Grant = Schemas['GrantDto'];
export type RoleName = Grant['role'];
export type ScopeKind = Grant['scopeKind'];

/** The API's role names, capitalised for labels. */
export const ROLE_TITLES = Object.fromEntries(
  Object.entries(ROLE_TITLES_RU).map(([role, title]) => [role, title[0].toLocaleUpperCase('ru-RU') + title.slice(1)]),
) as Record<RoleName, string>;

export const SCOPE_TITLES: Record<ScopeKind, string> = {
  global: 'вся система',
  region: 'регион',
  municipality: 'муниципалитет',
  school: 'школа',
  organisation: 'организация',
  event: 'мероприятие (id)',
};

/** Which scopes each role takes: the API's own rule, so the form offers only what it accepts. */
export { SCOPES_OF_ROLE };

/** A grant for people: the name of what it scopes (scopeLabel) when the API sent one, else the id. */
export function grantText(g: {
  role: RoleName;
  scopeKind: ScopeKind;
  scopeValue?: string | null;
  scopeLabel?: string | null;
}): string {
  const scope =
    g.scopeKind === 'global'
      ? SCOPE_TITLES.global
      : `${SCOPE_TITLES[g.scopeKind]}: ${g.scopeLabel ?? g.scopeValue ?? ''}`;
  return `${ROLE_TITLES[g.role]} (${scope})`;
}
