import { canManageMunicipality } from '@orientir/auth';
import { normaliseMunicipality } from '@orientir/domain';
import { outOfScope } from '../auth/auth.exception';
import { requirePrincipal, type Actor } from '../auth/principal.model';
import type { CreateCycleDto } from './dto/create-cycle.dto';

/** A municipal coordinator creates cycles of its own municipality only, with no school of another. */
export function assertMayCreateCycle(dto: CreateCycleDto, actor: Actor): void {
  const grants = requirePrincipal(actor).grants;
  const municipality = normaliseMunicipality(dto.municipality);
  if (!canManageMunicipality(grants, municipality)) {
    throw outOfScope(municipality ? `муниципалитет «${municipality}»` : 'региональный цикл (без поля municipality)');
  }
  const foreign = dto.schools
    .map((s, i) => ({ i, m: normaliseMunicipality(s.municipality) ?? municipality }))
    .filter(({ m }) => !canManageMunicipality(grants, m))
    .map(({ i, m }) => `schools[${i}].municipality: «${m ?? ''}» вне вашей области`);
  if (foreign.length) throw outOfScope('школы другого муниципалитета', foreign);
}
