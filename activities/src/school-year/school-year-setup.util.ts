import { DateTime } from 'luxon';
import {
  DEFAULT_RISK_DIRECTIONS,
  endOfLocalDay,
  SCHOOL_YEAR_STAGES,
  type SchoolYearStage,
  type CalendarOverrides,
  type SchoolCalendar,
} from '@orientir/domain';
import type { MonitoringCheckpointPlan, SchoolYearSetup } from '@orientir/contracts';

/** Calendar days from the start of a school's year to each stage's due date when the cycle sets none. */
export const DEFAULT_STAGE_DAYS: Record<SchoolYearStage, number> = {
  risk_profile: 14,
  self_diagnosis: 30,
  concept_documents: 60,
  expertise: 90,
  monitoring: 300,
  report: 330,
};

export interface SetupFacts {
  cycle: { id: string; timezone: string; municipality: string | null; municipalityId: string | null };
  school: {
    id: string;
    name: string;
    municipality: string | null;
    municipalityId: string | null;
    directorySchoolId: string | null;
    flaggedDirections: string[] | null;
  };
  settings: {
    riskDirections: { id: string; title: string }[] | null;
    dueDates: Record<string, string>;
    reviewWorkingDays: number;
    checkpointRhythm: 'quarterly' | 'dates';
    checkpointDates: string[];
  } | null;
  curator: SchoolYearSetup['curator'];
}

export interface SetupOptions {
  now: Date;
  reminderDaysBefore: number[];
  /** The region's or cycle's changes to the shipped production calendar. */
  calendarOverrides?: CalendarOverrides;
}

/**
 * The school's set-up for its year from the cycle's settings, with defaults: the ten 500+ directions,
 * due dates counted from the start, quarterly checkpoints between expertise and the monitoring due
 * date, 10 working days per review.
 */
export function buildSchoolYearSetup(facts: SetupFacts, options: SetupOptions): SchoolYearSetup {
  const zone = facts.cycle.timezone;
  const start = DateTime.fromJSDate(options.now, { zone });
  const dueDates = Object.fromEntries(
    SCHOOL_YEAR_STAGES.map((stage) => {
      const given = facts.settings?.dueDates?.[stage];
      const date = given ?? (start.plus({ days: DEFAULT_STAGE_DAYS[stage] }).toISODate() as string);
      return [stage, endOfLocalDay(date, zone).toISOString()];
    }),
  ) as Record<SchoolYearStage, string>;
  const calendar: SchoolCalendar = { utcOffsetMinutes: start.offset, overrides: options.calendarOverrides ?? {} };
  return {
    cycleId: facts.cycle.id,
    schoolId: facts.school.id,
    schoolName: facts.school.name,
    directorySchoolId: facts.school.directorySchoolId,
    municipality: facts.school.municipality ?? facts.cycle.municipality,
    municipalityId: facts.school.municipalityId ?? facts.cycle.municipalityId,
    timezone: zone,
    riskDirections: facts.settings?.riskDirections ?? DEFAULT_RISK_DIRECTIONS.map((d) => ({ ...d })),
    flaggedDirections: facts.school.flaggedDirections,
    curator: facts.curator,
    dueDates,
    checkpoints: checkpoints(facts, dueDates, zone),
    reviewWorkingDays: facts.settings?.reviewWorkingDays ?? 10,
    reminderDaysBefore: options.reminderDaysBefore,
    calendar,
  };
}

function checkpoints(
  facts: SetupFacts,
  dueDates: Record<SchoolYearStage, string>,
  zone: string,
): MonitoringCheckpointPlan[] {
  if (facts.settings?.checkpointRhythm === 'dates' && facts.settings.checkpointDates.length) {
    return [...facts.settings.checkpointDates].sort().map((date, i) => ({
      id: `d${i + 1}`,
      title: `Контрольная точка ${i + 1} (${DateTime.fromISO(date).setLocale('ru').toFormat('d MMMM yyyy')})`,
      dueAt: endOfLocalDay(date, zone).toISOString(),
    }));
  }
  const from = DateTime.fromISO(dueDates.expertise, { zone });
  const to = DateTime.fromISO(dueDates.monitoring, { zone });
  const plans: MonitoringCheckpointPlan[] = [];
  for (
    let q = from.endOf('quarter');
    q <= to.endOf('quarter') && plans.length < 8;
    q = q.plus({ months: 3 }).endOf('quarter')
  ) {
    if (q <= from) continue;
    const end = q > to ? to : q;
    plans.push({
      id: `q${plans.length + 1}`,
      title: `${q.quarter} квартал ${q.year} г.`,
      dueAt: end.toUTC().toISO() as string,
    });
  }
  return plans.length ? plans : [{ id: 'q1', title: 'Контрольная точка', dueAt: dueDates.monitoring }];
}
