// What the coordinator decides before a launch: hand-set dates, events left waiting for dates, past events, schools.
import type { Schemas } from '../../../api/client';
import { localDayBounds } from '../../../lib/format';

export type RoadmapEvent = Schemas['RoadmapEvent'];
export type SchoolDraft = Schemas['SchoolDto'];

export interface UndatedDecision {
  start: string;
  end: string;
  unscheduled: boolean;
}

export function undatedEvents(events: readonly RoadmapEvent[]): RoadmapEvent[] {
  return events.filter((e) => !e.period.start || !e.period.end);
}

export type PastPolicy = Schemas['PastEventChoiceDto']['policy'];

/** An event already (partly) past at launch, as the API judged it (GET /api/roadmaps/:id/launch-preview). */
export type PastAtLaunch = Schemas['PastEventPreviewView'];

/** The `pastEventChoices` field of the launch request: one choice per listed event (default «late»). */
export function pastChoicesPayload(
  past: readonly PastAtLaunch[],
  choices: Record<string, PastPolicy | undefined>,
): Schemas['PastEventChoiceDto'][] {
  const numbers = [...new Set(past.map((p) => p.number))];
  return numbers.map((number) => ({ number, policy: choices[number] ?? 'late' }));
}

/** Undated events with neither both dates nor the «leave unscheduled» mark (launched «ожидает графика»): the launch waits for them. */
export function undecided(
  events: readonly RoadmapEvent[],
  decisions: Record<string, UndatedDecision | undefined>,
): string[] {
  return undatedEvents(events)
    .filter((e) => {
      const d = decisions[e.number];
      return !d || (!d.unscheduled && !(d.start && d.end && d.end >= d.start));
    })
    .map((e) => e.number);
}

/** The `dates` field of the launch request: instants at the start and end of the chosen local days. */
export function datesPayload(
  events: readonly RoadmapEvent[],
  decisions: Record<string, UndatedDecision | undefined>,
  timeZone: string,
): Schemas['EventDatesDto'][] {
  return undatedEvents(events).flatMap((e) => {
    const d = decisions[e.number];
    if (!d || d.unscheduled || !d.start || !d.end) return [];
    return [{ number: e.number, ...localDayBounds(d.start, d.end, timeZone) }];
  });
}

export function schoolsFromRoadmap(schools: readonly Schemas['RoadmapSchool'][]): SchoolDraft[] {
  return schools.map((s) => ({
    name: s.name,
    category: s.category,
    municipality: s.municipality ?? undefined,
    emails: s.emails,
  }));
}

export type ExecutorMatch = Schemas['ExecutorMatchView'];
/** For a fuzzy match: true once the coordinator answered «Да», false for «Нет»; undefined while unanswered. */
export type FuzzyAnswers = Record<string, boolean | undefined>;

/** After «Нет» (or for a name with no match): the directory organisation picked instead; none: «нет адресата». */
export type ExecutorChoices = Record<string, string | undefined>;

/** Whether the coordinator may pick an organisation for this executor: a guess rejected, or no match at all. */
export function mayChooseOrganisation(m: ExecutorMatch, answers: FuzzyAnswers): boolean {
  return m.match === 'none' || (m.match === 'fuzzy' && answers[m.name] === false);
}

/**
 * The executors linked in the preview, sent with the launch (the API remembers each spelling as an
 * alias): a fuzzy guess answered «Да», or the organisation picked after «Нет» or for an unmatched name.
 */
export function confirmedExecutors(
  matches: readonly ExecutorMatch[],
  answers: FuzzyAnswers,
  choices: ExecutorChoices = {},
): { name: string; organisationId: string }[] {
  return matches.flatMap((m) => {
    if (m.match === 'fuzzy' && m.organisationId && answers[m.name] === true)
      return [{ name: m.name, organisationId: m.organisationId }];
    const chosen = choices[m.name];
    return chosen && mayChooseOrganisation(m, answers) ? [{ name: m.name, organisationId: chosen }] : [];
  });
}

export type StageDueDates = Schemas['StageDueDatesDto'];
export type SchoolYearDraft = Schemas['SchoolYearSettingsDto'];

/** Each stage's due date from the roadmap's stage mapping: the latest end of the events mapped to it. */
export function stageDueDatesFromRoadmap(events: readonly RoadmapEvent[], today: string): StageDueDates {
  const due: Record<string, string> = {};
  for (const e of events) {
    const end = e.period.end?.slice(0, 10);
    // A date already past (an earlier year's roadmap) would start every school overdue: keep the default.
    if (!e.stage || !end || end < today) continue;
    if (!due[e.stage] || due[e.stage] < end) due[e.stage] = end;
  }
  return due;
}

/** The `schoolYear` field of the launch request; a stage left empty keeps its default term. */
export function schoolYearPayload(draft: SchoolYearDraft): SchoolYearDraft {
  const dueDates = Object.fromEntries(Object.entries(draft.dueDates).filter(([, d]) => !!d));
  const checkpointDates = draft.checkpointRhythm === 'dates' ? draft.checkpointDates.filter(Boolean) : [];
  return { ...draft, dueDates, checkpointDates };
}
