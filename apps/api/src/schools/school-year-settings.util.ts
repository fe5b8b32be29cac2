import type { CycleSchoolSettingsEntity } from '@orientir/persistence';
import type { SchoolYearSettingsDto } from './dto/school-year-settings.dto';
import { SchoolErrorCode, SchoolException } from './school.exception';

/**
 * The settings as stored, after the checks the DTO cannot make (a direction named twice, the `dates`
 * rhythm without dates). One place for PUT …/school-year-settings and for POST /cycles `schoolYear`.
 */
export function storedSchoolYearSettings(
  dto: SchoolYearSettingsDto,
  field = '',
): Omit<CycleSchoolSettingsEntity, 'cycleId' | 'updatedAt'> {
  const ids = (dto.riskDirections ?? []).map((d) => d.id);
  const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
  if (duplicate) {
    throw new SchoolException(
      SchoolErrorCode.ACTION_REJECTED,
      `${field}riskDirections: направление «${duplicate}» указано дважды`,
    );
  }
  if (dto.checkpointRhythm === 'dates' && dto.checkpointDates.length === 0) {
    throw new SchoolException(
      SchoolErrorCode.ACTION_REJECTED,
      `${field}checkpointDates: для ритма «dates» укажите даты`,
    );
  }
  return {
    riskDirections: dto.riskDirections?.map((d) => ({ id: d.id, title: d.title.trim() })) ?? null,
    dueDates: Object.fromEntries(Object.entries(dto.dueDates).filter(([, v]) => !!v)) as Record<string, string>,
    reviewWorkingDays: dto.reviewWorkingDays,
    checkpointRhythm: dto.checkpointRhythm,
    checkpointDates: dto.checkpointDates,
  };
}
