import type { OccurrenceWindow } from './event-status.util';

/** What the coordinator chose at launch for occurrences already past: track them as late, or skip them. */
export type PastOccurrencePolicy = 'late' | 'skip';

/** Occurrences whose deadline has passed at the launch instant: the launch preview lists them. */
export function pastAtLaunch(occurrences: readonly OccurrenceWindow[], launchAt: number): OccurrenceWindow[] {
  return occurrences.filter((o) => o.deadline < launchAt);
}

/**
 * Applies the choice: «skip» marks the past occurrences as not tracked (the event goes on from its
 * next one); «late» keeps them, and they show as overdue. Neither sends reminders for the past.
 */
export function applyPastPolicy(
  occurrences: readonly OccurrenceWindow[],
  launchAt: number,
  policy: PastOccurrencePolicy,
): OccurrenceWindow[] {
  return occurrences.map((o) => (policy === 'skip' && o.deadline < launchAt ? { ...o, skipped: true } : { ...o }));
}
