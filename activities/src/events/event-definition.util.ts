import {
  SCHOOL_STAGES,
  coverageCategories,
  planOccurrences,
  reminderInstants,
  schoolExecutorCategories,
  targetFromIndicator,
  windowsFromDates,
  type CalendarOverrides,
  type OccurrencePlan,
  type SchoolCategory,
  type SchoolStage,
} from '@orientir/domain';
import type { EventDefinition } from '@orientir/contracts';

/** The stored event as the definition needs it (the persistence entities satisfy it structurally). */
export interface EventDefinitionInput {
  cycle: { id: string; timezone: string };
  event: {
    id: string;
    title: string;
    opensAt: Date;
    deadline: Date;
    executors: { name: string; organisationId?: string | null }[];
    period: Parameters<typeof planOccurrences>[0] | null;
    indicator: Parameters<typeof targetFromIndicator>[0];
    reportForm: string | null;
    stage: SchoolStage | null;
    pastPolicy: 'late' | 'skip';
    schedule: { opensAt: string; deadline: string }[] | null;
  };
  schools: { id: string; category: SchoolCategory }[];
}

/**
 * What the event workflow tracks, resolved in the cycle's zone: its occurrences (hand-set dates
 * first, else the parsed period, else the plain window), its target, who may record evidence and
 * which schools a coverage counts.
 */
export function buildEventDefinition(
  { cycle, event, schools }: EventDefinitionInput,
  reminderDaysBefore: readonly number[] = [],
  calendar: CalendarOverrides = {},
): EventDefinition {
  const plan: OccurrencePlan = event.schedule?.length
    ? { occurrences: windowsFromDates(event.schedule, cycle.timezone), awaitingSchedule: false, nudgeEveryDays: null }
    : event.period
      ? planOccurrences(event.period, event.indicator, cycle.timezone)
      : {
          occurrences: windowsFromDates(
            [{ opensAt: event.opensAt.toISOString(), deadline: event.deadline.toISOString() }],
            cycle.timezone,
          ),
          awaitingSchedule: false,
          nudgeEveryDays: null,
        };
  const executorCategories = schoolExecutorCategories(event.executors.map((x) => x.name));
  const categories = new Set(coverageCategories(executorCategories, event.indicator?.population));
  const inPopulation = schools.filter((s) => categories.has(s.category)).map((s) => s.id);
  const participantSchoolIds = inPopulation.length ? inPopulation : schools.map((s) => s.id);
  const perSchool = executorCategories !== null;
  return {
    cycleId: cycle.id,
    eventId: event.id,
    title: event.title,
    target: targetFromIndicator(event.indicator, event.reportForm),
    occurrences: plan.occurrences.map((o) => ({
      ...o,
      remindAt: reminderInstants(o, reminderDaysBefore, cycle.timezone, calendar),
    })),
    awaitingSchedule: plan.awaitingSchedule,
    nudgeEveryDays: plan.nudgeEveryDays,
    executorKeys: [
      `event:${event.id}`,
      ...event.executors.flatMap((x) => (x.organisationId ? [`org:${x.organisationId}`] : [])),
      ...(perSchool ? participantSchoolIds.map((id) => `school:${id}`) : []),
    ],
    perSchool,
    participantSchoolIds,
    pipelineStage: event.stage,
    pastPolicy: event.pastPolicy,
  };
}

/** The read-model stages that mean a school has done `stage`: every later one, and completed. */
export function stagesDoneAfter(stage: SchoolStage): string[] {
  const i = SCHOOL_STAGES.indexOf(stage);
  return [...SCHOOL_STAGES.slice(i + 1), 'completed'];
}
