import { grantProblem, type RoleGrant } from '@orientir/auth';
import { tidyName } from '@orientir/domain';
import type { DirectoryStore } from '@orientir/persistence';
import { AuthErrorCode, AuthException } from './auth.exception';
import type { GrantView } from './dto/me.view';

interface GrantInput {
  role: RoleGrant['role'];
  scopeKind: RoleGrant['scopeKind'];
  scopeValue?: string | null;
}

const SCOPE_TITLES: Record<RoleGrant['scopeKind'], string> = {
  global: 'вся установка',
  region: 'регион',
  municipality: 'муниципалитет',
  school: 'школа',
  organisation: 'организация',
  event: 'мероприятие',
};

/**
 * Grants as stored: every scope a directory id (a region or municipality may be sent by name, a
 * cycle's school row stands for its directory school), or one error naming every bad grant by index.
 * A regional grant must name the installation's region; a municipality named for the first time
 * joins the directory only when `addMunicipality` (an administrator's account form).
 */
export async function resolveGrants(
  dtos: readonly GrantInput[],
  directory: DirectoryStore,
  options: { addMunicipality: boolean },
): Promise<RoleGrant[]> {
  const regionId = await directory.regionId();
  const problems: string[] = [];
  const grants: RoleGrant[] = [];
  for (const [i, dto] of dtos.entries()) {
    const grant: RoleGrant = {
      role: dto.role,
      scopeKind: dto.scopeKind,
      scopeValue: (dto.scopeValue && tidyName(dto.scopeValue)) || null,
    };
    const problem = grantProblem(grant);
    if (problem) {
      problems.push(`grants[${i}]: ${problem}`);
      continue;
    }
    if (grant.scopeKind !== 'global') {
      const value = grant.scopeValue ?? '';
      const id = await directory.grantScopeId(grant.scopeKind, value, options);
      if (grant.scopeKind === 'region' && id !== regionId) {
        // An installation serves one region: a grant on another would count for nothing.
        problems.push(
          `grants[${i}].scopeValue: регион «${value}» не обслуживается этой установкой (обслуживается «${directory.regionName}»)`,
        );
        continue;
      }
      if (!id) {
        problems.push(
          `grants[${i}].scopeValue: ${SCOPE_TITLES[grant.scopeKind]} «${value}» не найден(а) в справочнике`,
        );
        continue;
      }
      grant.scopeValue = id;
    }
    grants.push(grant);
  }
  if (problems.length) throw new AuthException(AuthErrorCode.INVALID_GRANT, 'Роли назначены неверно', problems);
  return grants;
}

/** Grants with the names of what they scope, for people to read (ids stay the contract). */
export async function labelGrants(grants: readonly RoleGrant[], directory: DirectoryStore): Promise<GrantView[]> {
  const labels = await directory.scopeLabels(grants.map((g) => g.scopeValue ?? ''));
  return grants.map((g) => (g.scopeValue ? { ...g, scopeLabel: labels.get(g.scopeValue) ?? null } : { ...g }));
}
