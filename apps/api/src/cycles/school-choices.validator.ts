import { normaliseMunicipality } from '@orientir/domain';
import type { DirectoryStore } from '@orientir/persistence';
import { validationFailed } from '../common/request.exception';
import { CycleErrorCode, CycleException } from './cycle.exception';
import type { SchoolDto } from './dto/create-cycle.dto';

/**
 * The person's answers about a cycle's schools. A row naming a directory school must name an existing
 * school of its own municipality, and each school once (400 naming the field); a name only like a
 * directory school's, with neither `directorySchoolId` nor `asNew`, is refused (422 naming the row)
 * instead of silently becoming a second school that loses the first one's history and grants.
 * `field(i)` names a row in the request (`schools[3]`).
 */
export async function assertSchoolChoices(
  ownerMunicipality: string | null | undefined,
  schools: readonly SchoolDto[],
  directory: DirectoryStore,
  field: (i: number) => string = (i) => `schools[${i}]`,
): Promise<void> {
  const invalid: string[] = [];
  const unanswered: string[] = [];
  const chosenBy = new Map<string, number>();
  const open = new Map<string, { municipalityId: string | null; rows: number[] }>();
  for (const [i, s] of schools.entries()) {
    const place =
      normaliseMunicipality(s.municipality) ?? normaliseMunicipality(ownerMunicipality ?? undefined) ?? null;
    const municipality = place ? await directory.findMunicipality(place) : null;
    if (s.directorySchoolId) {
      const chosen = await directory.findSchoolById(s.directorySchoolId);
      const earlier = chosenBy.get(s.directorySchoolId.toLowerCase());
      if (s.asNew)
        invalid.push(`${field(i)}.asNew: новая школа или школа справочника (directorySchoolId) — что-то одно`);
      else if (!chosen)
        invalid.push(`${field(i)}.directorySchoolId: школа справочника ${s.directorySchoolId} не найдена`);
      else if (chosen.municipalityId !== (municipality?.id ?? null))
        invalid.push(
          `${field(i)}.directorySchoolId: «${chosen.fullName}» — школа другого муниципалитета, а «${s.name}» — «${place ?? 'региональная'}»`,
        );
      else if (earlier !== undefined)
        invalid.push(`${field(i)}.directorySchoolId: «${chosen.fullName}» уже выбрана для ${field(earlier)}`);
      else chosenBy.set(s.directorySchoolId.toLowerCase(), i);
      continue;
    }
    // A municipality the directory does not know yet has no school to resemble.
    if (s.asNew || (place && !municipality)) continue;
    const key = municipality?.id ?? '';
    const group = open.get(key) ?? { municipalityId: municipality?.id ?? null, rows: [] };
    group.rows.push(i);
    open.set(key, group);
  }
  for (const { municipalityId, rows } of open.values()) {
    const matches = await directory.matchSchools(
      municipalityId,
      rows.map((i) => schools[i].name),
    );
    matches.forEach((match, j) => {
      if (match.kind !== 'fuzzy') return;
      const i = rows[j];
      unanswered.push(
        `${field(i)} «${schools[i].name.trim()}»: похожа на «${match.school.fullName}» (${match.school.id}) — укажите, это она (directorySchoolId) или новая школа (asNew: true)`,
      );
    });
  }
  if (invalid.length) throw validationFailed('Некорректный выбор школы справочника', invalid);
  if (unanswered.length) {
    throw new CycleException(
      CycleErrorCode.SCHOOL_MATCH_UNANSWERED,
      'Цикл не создан: ответьте, те ли это школы справочника',
      unanswered.sort((a, b) => a.localeCompare(b, 'en', { numeric: true })),
    );
  }
}
