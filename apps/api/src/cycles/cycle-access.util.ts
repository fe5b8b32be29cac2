import { normaliseMunicipality } from '@orientir/domain';
import type { DirectoryStore } from '@orientir/persistence';
import { outOfScope } from '../auth/auth.exception';
import { requirePrincipal, type Actor } from '../auth/principal.model';
import { mayManageNamedMunicipality } from '../directory/directory-scope.util';
import type { CreateCycleDto } from './dto/create-cycle.dto';

/**
 * A municipal coordinator creates cycles of its own municipality only, with no school of another.
 * Names in the request resolve to the directory municipalities that grants name by id.
 */
export async function assertMayCreateCycle(
  dto: CreateCycleDto,
  actor: Actor,
  directory: DirectoryStore,
): Promise<void> {
  const grants = requirePrincipal(actor).grants;
  const municipality = normaliseMunicipality(dto.municipality);
  if (!(await mayManageNamedMunicipality(grants, municipality, directory))) {
    throw outOfScope(municipality ? `муниципалитет «${municipality}»` : 'региональный цикл (без поля municipality)');
  }
  const foreign: string[] = [];
  for (const [i, s] of dto.schools.entries()) {
    const m = normaliseMunicipality(s.municipality) ?? municipality;
    if (!(await mayManageNamedMunicipality(grants, m, directory)))
      foreign.push(`schools[${i}].municipality: «${m ?? ''}» вне вашей области`);
  }
  if (foreign.length) throw outOfScope('школы другого муниципалитета', foreign);
}
