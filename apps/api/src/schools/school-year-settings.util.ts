import { SCHOOL_STAGE_TITLES_RU, SCHOOL_YEAR_STAGES, type SchoolYearStage } from '@orientir/domain';
import type { CycleSchoolSettingsEntity } from '@orientir/persistence';
import type { SchoolYearSettingsDto } from './dto/school-year-settings.dto';
import { validationFailed } from '../common/request.exception';
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
  // Stage due dates follow the stages: a later stage due before an earlier one is a typing slip.
  let earlier: { stage: SchoolYearStage; date: string } | null = null;
  for (const stage of SCHOOL_YEAR_STAGES) {
    const date = dto.dueDates[stage as keyof typeof dto.dueDates];
    if (!date) continue;
    if (earlier && date < earlier.date) {
      throw validationFailed('Сроки этапов идут не по порядку', [
        `${field}dueDates.${stage}: срок этапа «${SCHOOL_STAGE_TITLES_RU[stage]}» (${ruDate(date)}) раньше срока этапа ` +
          `«${SCHOOL_STAGE_TITLES_RU[earlier.stage]}» (${ruDate(earlier.date)}); сроки идут в порядке этапов`,
      ]);
    }
    earlier = { stage, date };
  }
  const repeated = dto.checkpointDates.findIndex((d, i) => dto.checkpointDates.indexOf(d) !== i);
  if (repeated >= 0) {
    throw validationFailed('Даты контрольных точек повторяются', [
      `${field}checkpointDates[${repeated}]: дата ${ruDate(dto.checkpointDates[repeated])} указана дважды`,
    ]);
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
    // Checkpoints come in the order they fall, whatever order they were typed in.
    checkpointDates: [...dto.checkpointDates].sort(),
  };
}

/** 2027-11-20 as people read it: 20.11.2027. */
function ruDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-');
  return `${d}.${m}.${y}`;
}
