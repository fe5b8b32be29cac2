import type { CanonicalRoadmap, RoadmapEvent } from '../roadmap/roadmap.model';
import { resolveEventWindow, type EventWindow } from './event-window.util';

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
