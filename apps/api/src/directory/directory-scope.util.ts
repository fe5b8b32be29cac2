import { canManageMunicipality, managesRegion, type RoleGrant } from '@orientir/auth';
import type { DirectoryStore } from '@orientir/persistence';

/**
 * Which municipalities (directory ids) a caller manages in the directory: null means all of them
 * (admin, regional coordinator), otherwise the municipal coordinator's own. Grants name the ids.
 */
export function managedMunicipalityIds(grants: readonly RoleGrant[]): string[] | null {
  if (canManageMunicipality(grants, null)) return null;
  return grants
    .filter((g) => g.role === 'municipal_coordinator' && g.scopeKind === 'municipality' && !!g.scopeValue)
    .map((g) => g.scopeValue as string);
}

/**
 * May the caller manage the municipality of this name (null: a region-wide object)? Names sent in
 * requests resolve to the directory id grants carry; a name the directory lacks is the region's to add.
 */
export async function mayManageNamedMunicipality(
  grants: readonly RoleGrant[],
  name: string | null,
  directory: DirectoryStore,
): Promise<boolean> {
  if (managesRegion(grants)) return true;
  if (!name) return false;
  const found = await directory.findMunicipality(name);
  return !!found && canManageMunicipality(grants, found.id);
}
