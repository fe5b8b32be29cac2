import { canManageMunicipality, type RoleGrant } from '@orientir/auth';
import type { DirectoryStore } from '@orientir/persistence';

/**
 * Which municipalities (directory ids) a caller manages in the directory: null means all of them
 * (admin, regional coordinator), otherwise the municipal coordinator's own.
 */
export async function managedMunicipalityIds(
  grants: readonly RoleGrant[],
  directory: DirectoryStore,
): Promise<string[] | null> {
  if (canManageMunicipality(grants, null)) return null;
  const ids: string[] = [];
  for (const g of grants) {
    if (g.role !== 'municipal_coordinator' || g.scopeKind !== 'municipality' || !g.scopeValue) continue;
    const found = await directory.findMunicipality(g.scopeValue);
    if (found) ids.push(found.id);
  }
  return ids;
}
