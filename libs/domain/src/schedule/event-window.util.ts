import type { RoadmapPeriod } from '../roadmap/roadmap.model';
import { endOfLocalDay, startOfLocalDay } from './local-time.util';

export interface EventWindow {
  opensAt: Date;
  deadline: Date;
}

/**
 * When an event opens and when its deadline passes, from its period in the cycle's zone:
 * the first local day of the period to the end of its last local day. Null for periods
 * that name no dates ("По графику"): the coordinator schedules those by hand.
 */
export function resolveEventWindow(period: RoadmapPeriod, timeZone: string): EventWindow | null {
  if (!period.start || !period.end) return null;
  return { opensAt: startOfLocalDay(period.start, timeZone), deadline: endOfLocalDay(period.end, timeZone) };
}
