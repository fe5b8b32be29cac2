// The launch preview's list of events already (partly) past, from the same occurrence split the
// event workflow tracks (planOccurrences) and the same «past» rule it applies (pastAtLaunch), so the
// page that asks the coordinator and the workflow that obeys the answer cannot disagree.
import type { CanonicalRoadmap, RoadmapEvent } from '../roadmap/roadmap.model';
import { scheduleRoadmapEvents } from '../schedule/roadmap-schedule.util';
import { planOccurrences } from './event-occurrences.util';
import { pastAtLaunch } from './past-at-launch.util';
import type { OccurrenceWindow } from './event-status.util';

export interface PastEventAtLaunch {
  event: RoadmapEvent;
  /** How many of its occurrences are over at the launch instant (at least one). */
  pastOccurrences: number;
  /** Every occurrence is over: «skip» tracks nothing of it. */
  wholly: boolean;
  /** The occurrence «Со следующего срока» starts with; null when the whole period is past. */
  nextOccurrence: OccurrenceWindow | null;
}

/** Dated events with at least one occurrence whose deadline is before `launchAt`, in roadmap order. */
export function pastEventsAtLaunch(
  roadmap: Pick<CanonicalRoadmap, 'events' | 'timezone'>,
  launchAt: number,
): PastEventAtLaunch[] {
  return scheduleRoadmapEvents(roadmap).scheduled.flatMap(({ event }): PastEventAtLaunch[] => {
    const { occurrences } = planOccurrences(event.period, event.indicator, roadmap.timezone);
    const past = pastAtLaunch(occurrences, launchAt);
    if (past.length === 0) return [];
    const next = occurrences.find((o) => o.deadline >= launchAt) ?? null;
    return [{ event, pastOccurrences: past.length, wholly: next === null, nextOccurrence: next }];
  });
}
