// Pure scheduling of an event's reminders: which instants, relative to its deadline.

const DAY_MS = 24 * 60 * 60 * 1000;

export interface ReminderPlanInput {
  /** Epoch ms when the event opens for its executors. */
  opensAt: number;
  /** Epoch ms of the deadline (end of the period). */
  deadline: number;
  /** Days before the deadline to remind, e.g. [7, 1]. */
  daysBefore: readonly number[];
}

export interface PlannedReminder {
  /** Stable index, part of the idempotency key of the e-mail. */
  index: number;
  daysBefore: number;
  /** Epoch ms when it is due; never before the event opens. */
  dueAt: number;
}

/**
 * Reminders due before the deadline, in time order. A reminder that would fall before the
 * event opens is moved to the opening instant (the executor still hears about it once);
 * duplicates that collapse onto the same instant are dropped.
 */
export function planReminders({ opensAt, deadline, daysBefore }: ReminderPlanInput): PlannedReminder[] {
  if (!(deadline > opensAt)) return [];
  const unique = [...new Set(daysBefore.filter((d) => Number.isFinite(d) && d > 0))].sort((a, b) => b - a);
  const planned: PlannedReminder[] = [];
  for (const days of unique) {
    const dueAt = Math.max(opensAt, deadline - days * DAY_MS);
    if (planned.some((p) => p.dueAt === dueAt)) continue;
    planned.push({ index: planned.length, daysBefore: days, dueAt });
  }
  return planned;
}
