import type { Schemas } from '../api/client';

export type Grant = Schemas['GrantDto'];
export type RoleName = Grant['role'];
export type ScopeKind = Grant['scopeKind'];

export const ROLE_TITLES: Record<RoleName, string> = {
  admin: 'Администратор',
  regional_coordinator: 'Региональный координатор',
  municipal_coordinator: 'Муниципальный координатор',
  curator: 'Куратор',
  school_team: 'Команда школы',
  executor: 'Исполнитель',
  supervisor: 'Наблюдатель',
};

export const SCOPE_TITLES: Record<ScopeKind, string> = {
  global: 'вся система',
  region: 'регион',
  municipality: 'муниципалитет',
  school: 'школа (id)',
  organisation: 'организация',
  event: 'мероприятие (id)',
};

/** Which scopes each role takes (the API checks the same rule and names a wrong grant). */
export const SCOPES_OF_ROLE: Record<RoleName, ScopeKind[]> = {
  admin: ['global'],
  regional_coordinator: ['region', 'global'],
  municipal_coordinator: ['municipality'],
  curator: ['school'],
  school_team: ['school'],
  executor: ['organisation', 'event'],
  supervisor: ['global', 'region', 'municipality'],
};

export function grantText(g: { role: RoleName; scopeKind: ScopeKind; scopeValue?: string | null }): string {
  const scope = g.scopeKind === 'global' ? SCOPE_TITLES.global : `${SCOPE_TITLES[g.scopeKind]}: ${g.scopeValue ?? ''}`;
  return `${ROLE_TITLES[g.role]} (${scope})`;
}
