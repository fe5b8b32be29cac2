import { normaliseMunicipality } from '@orientir/domain';
import type { DirectoryStore } from '@orientir/persistence';
import { validationFailed } from '../common/request.exception';
import type { SchoolDto } from './dto/create-cycle.dto';

/** A school row whose name is only like a directory school's and that nobody answered about. */
export interface UnansweredSchoolGuess {
  name: string;
  like: { directorySchoolId: string; name: string };
}

/**
 * The person's answers about a cycle's schools. A row naming a directory school must name an existing
 * school of its own municipality, and each school once (400 naming the field). Answers the rows whose
 * name is only like a directory school's, with neither `directorySchoolId` nor `asNew`: the launch
 * page never sends one (it waits for the answer); an API client that does gets a new school, as
 * before matching existed, and the guess is written to the cycle's audit record.
 * `field(i)` names a row in the request (`schools[3]`).
 */
export async function assertSchoolChoices(
  ownerMunicipality: string | null | undefined,
  schools: readonly SchoolDto[],
  directory: DirectoryStore,
  field: (i: number) => string = (i) => `schools[${i}]`,
): Promise<UnansweredSchoolGuess[]> {
  const invalid: string[] = [];
  const unanswered: UnansweredSchoolGuess[] = [];
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
      rows.map((i) => ({ fullName: schools[i].name })),
    );
    matches.forEach((match, j) => {
      if (match.kind !== 'fuzzy') return;
      unanswered.push({
        name: schools[rows[j]].name.trim(),
        like: { directorySchoolId: match.school.id, name: match.school.fullName },
      });
    });
  }
  if (invalid.length) throw validationFailed('Некорректный выбор школы справочника', invalid);
  return unanswered;
}
