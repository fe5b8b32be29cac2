// Roles and the scopes a grant may carry. Pure: shared by the API, the CLI and the demo.

export const ROLES = [
  'admin',
  'regional_coordinator',
  'municipal_coordinator',
  'curator',
  'school_team',
  'executor',
  'supervisor',
] as const;

export type Role = (typeof ROLES)[number];

/**
 * region → municipality → school, plus the executor's own objects.
 * `global` carries no value; every other kind carries the id of a directory entity (region,
 * municipality, directory school, organisation) or of an event, so an account survives renames and
 * holds in every cycle those entities join.
 */
export const SCOPE_KINDS = ['global', 'region', 'municipality', 'school', 'organisation', 'event'] as const;

export type ScopeKind = (typeof SCOPE_KINDS)[number];

export interface RoleGrant {
  role: Role;
  scopeKind: ScopeKind;
  scopeValue: string | null;
}

/** Which scope kinds make sense for a role; anything else is refused when a grant is made. */
export const SCOPES_OF_ROLE: Record<Role, readonly ScopeKind[]> = {
  admin: ['global'],
  regional_coordinator: ['region', 'global'],
  municipal_coordinator: ['municipality'],
  curator: ['school'],
  school_team: ['school'],
  executor: ['organisation', 'event'],
  supervisor: ['global', 'region', 'municipality'],
};

export const ROLE_TITLES_RU: Record<Role, string> = {
  admin: 'администратор',
  regional_coordinator: 'региональный координатор',
  municipal_coordinator: 'муниципальный координатор',
  curator: 'куратор',
  school_team: 'управленческая команда школы',
  executor: 'исполнитель',
  supervisor: 'наблюдатель',
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** A Russian reason the grant is malformed, or null when it is fine. */
export function grantProblem(grant: RoleGrant): string | null {
  if (!isRole(grant.role)) return `неизвестная роль «${String(grant.role)}»`;
  const kinds = SCOPES_OF_ROLE[grant.role];
  if (!kinds.includes(grant.scopeKind)) {
    return `роль «${ROLE_TITLES_RU[grant.role]}» назначается с областью: ${kinds.join(', ')} (получено «${grant.scopeKind}»)`;
  }
  const value = grant.scopeValue?.trim() ?? '';
  if (grant.scopeKind === 'global' && value) return 'глобальная область не имеет значения';
  if (grant.scopeKind !== 'global' && !value) return `для области «${grant.scopeKind}» нужно значение`;
  return null;
}
