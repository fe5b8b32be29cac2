import { Injectable } from '@nestjs/common';
import { cycleAccess } from '@orientir/auth';
import type { SchoolYearState } from '@orientir/contracts';
import { SchoolYearStore } from '@orientir/persistence';
import { hiddenOutOfScope } from '../auth/auth.exception';
import { requirePrincipal, type Actor } from '../auth/principal.model';
import type { SchoolHistoryView } from './dto/school-history.view';
import { SchoolErrorCode, SchoolException } from './school.exception';

/**
 * A directory school carries its history across cycles: the same school in every cycle the caller
 * may read, with its category that year and where its year stands. Each row is checked with the
 * same access rule as the school page, so a cycle the caller cannot read is simply not listed.
 */
@Injectable()
export class SchoolHistoryService {
  constructor(private readonly store: SchoolYearStore) {}

  async history(schoolId: string, actor: Actor): Promise<SchoolHistoryView> {
    const notFound = () => new SchoolException(SchoolErrorCode.NOT_FOUND, `Школа ${schoolId} не найдена`);
    const found = await this.store.findSchool(schoolId);
    if (!found) throw notFound();
    const grants = requirePrincipal(actor).grants;
    const visible = (await this.store.sameSchoolInCycles(found)).filter((r) =>
      cycleAccess(grants, { municipalityId: r.cycle.municipalityId, schools: [r.school], events: [] }).schoolIds.has(
        r.school.id,
      ),
    );
    if (!visible.some((r) => r.school.id === schoolId)) throw hiddenOutOfScope(notFound());
    return {
      schoolId,
      directorySchoolId: found.school.directorySchoolId,
      cycles: visible.map((r) => ({
        cycleId: r.cycle.id,
        schoolId: r.school.id,
        cycleTitle: r.cycle.title,
        year: r.cycle.year,
        schoolName: r.school.name,
        category: r.school.category,
        stage: (r.stage as SchoolYearState['stage'] | null) ?? null,
        round: r.round,
        current: r.school.id === schoolId,
      })),
    };
  }
}
