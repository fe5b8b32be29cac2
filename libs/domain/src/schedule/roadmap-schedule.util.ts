import type {
  CanonicalRoadmap,
  RoadmapEvent,
  RoadmapIndicator,
  RoadmapPeriod,
  SchoolCategory,
  SchoolStage,
} from '../roadmap/roadmap.model';
import { resolveEventWindow, type EventWindow } from './event-window.util';
import { endOfLocalDay, startOfLocalDay } from './local-time.util';

export interface ScheduledRoadmapEvent {
  event: RoadmapEvent;
  /** Unique within the cycle: some roadmaps restart numbering per table, so repeats become "1.2", "1.3". */
  number: string;
  window: EventWindow;
}

export interface RoadmapSchedule {
  scheduled: ScheduledRoadmapEvent[];
  /** Events whose period names no dates («По графику»): the coordinator schedules them by hand. */
  undated: RoadmapEvent[];
}

/** Which events of a roadmap can become event workflows, and when each opens and closes. */
export function scheduleRoadmapEvents(roadmap: Pick<CanonicalRoadmap, 'events' | 'timezone'>): RoadmapSchedule {
  const scheduled: ScheduledRoadmapEvent[] = [];
  const undated: RoadmapEvent[] = [];
  const timesSeen = new Map<string, number>();
  for (const event of roadmap.events) {
    const window = resolveEventWindow(event.period, roadmap.timezone);
    if (!window) {
      undated.push(event);
      continue;
    }
    const seen = timesSeen.get(event.number) ?? 0;
    timesSeen.set(event.number, seen + 1);
    scheduled.push({ event, number: seen ? `${event.number}.${seen + 1}` : event.number, window });
  }
  return { scheduled, undated };
}

/** A cycle as a roadmap describes it: what both the API (cycle from a stored roadmap) and the demo launch. */
export interface RoadmapCyclePlan {
  title: string;
  year: number;
  timezone: string;
  schools: { name: string; category: SchoolCategory; municipality?: string; emails: string[] }[];
  events: {
    number: string;
    /** The roadmap row's own number (`number` is made unique within the cycle). */
    sourceNumber: string;
    title: string;
    opensAt: string;
    deadline: string;
    executors: { name: string }[];
    details: RoadmapEventDetails;
    /** «По графику» and other undated events nobody dated yet: launched, tracked once a coordinator dates them. */
    awaitingSchedule: boolean;
  }[];
  /** Undated events launched without dates, with the reason in Russian, for the coordinator to date later. */
  awaitingSchedule: { number: string; reason: string }[];
}

/** What a cycle event keeps of its roadmap row, so it is tracked the way the roadmap says. */
export interface RoadmapEventDetails {
  section: string | null;
  period: RoadmapPeriod | null;
  indicator: RoadmapIndicator | null;
  reportForm: string | null;
  stage: SchoolStage | null;
}

export function eventDetails(event: RoadmapEvent): RoadmapEventDetails {
  return {
    section: event.section,
    period: event.period,
    indicator: event.indicator,
    reportForm: event.reportForm,
    stage: event.stage,
  };
}

/** Dates a coordinator set by hand for an undated event (ISO instants). */
export interface HandSetDates {
  number: string;
  opensAt: string;
  deadline: string;
}

/**
 * The one roadmap → cycle mapping: dated events become event workflows, listed schools school
 * workflows; undated events get the dates set by hand, or are launched to wait for them
 * («ожидает графика»): their stored window is the cycle's year only as a placeholder the event
 * workflow ignores (it tracks nothing until dated).
 */
export function planCycleFromRoadmap(
  roadmap: CanonicalRoadmap,
  handSet: readonly HandSetDates[] = [],
): RoadmapCyclePlan {
  const { scheduled, undated } = scheduleRoadmapEvents(roadmap);
  const byNumber = new Map(handSet.map((d) => [d.number.trim(), d]));
  const yearWindow = {
    opensAt: startOfLocalDay(`${roadmap.year}-01-01`, roadmap.timezone).toISOString(),
    deadline: endOfLocalDay(`${roadmap.year}-12-31`, roadmap.timezone).toISOString(),
  };
  return {
    title: roadmap.title,
    year: roadmap.year,
    timezone: roadmap.timezone,
    schools: roadmap.schools.map((s) => ({
      name: s.name,
      category: s.category,
      ...(s.municipality ? { municipality: s.municipality } : {}),
      emails: s.emails,
    })),
    events: [
      ...scheduled.map(({ event, number, window }) => ({
        number,
        sourceNumber: event.number,
        title: event.title,
        opensAt: window.opensAt.toISOString(),
        deadline: window.deadline.toISOString(),
        executors: event.executors.map((name) => ({ name })),
        details: eventDetails(event),
        awaitingSchedule: false,
      })),
      ...undated.map((event) => {
        const dates = byNumber.get(event.number);
        const executors = event.executors.map((name) => ({ name }));
        return dates
          ? {
              number: event.number,
              sourceNumber: event.number,
              title: event.title,
              opensAt: dates.opensAt,
              deadline: dates.deadline,
              executors,
              // Dated by hand: one window, the dates the coordinator set.
              details: { ...eventDetails(event), period: null },
              awaitingSchedule: false,
            }
          : {
              number: event.number,
              sourceNumber: event.number,
              title: event.title,
              ...yearWindow,
              executors,
              // Marked «to be scheduled» whatever made it undated, so every reader shows «ожидает графика».
              details: { ...eventDetails(event), period: { ...event.period, toBeScheduled: true } },
              awaitingSchedule: true,
            };
      }),
    ],
    awaitingSchedule: undated
      .filter((event) => !byNumber.has(event.number))
      .map((event) => ({
        number: event.number,
        reason: `срок «${event.period.text}» не задает дат: мероприятие ожидает графика, назначьте даты на его странице`,
      })),
  };
}
