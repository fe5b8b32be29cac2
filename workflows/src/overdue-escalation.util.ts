// The one rule for what goes out after a missed deadline, shared by the event and school workflows:
// the cycle's escalation chain (executor's overdue notice, then coordinators) planned on the production
// calendar at the cycle's local hour. Deterministic: the timing comes from a recorded activity answer.
import { escalationKey, planEscalation, type EscalationLevel } from '@orientir/domain/workflow';
import type { NotificationTiming } from '@orientir/contracts';

/** Something overdue: `key` names it for the idempotency of its letters (e.g. `o0` or a due date). */
export interface OverdueItem {
  key: string;
  deadline: number;
}

export interface DueEscalation<T extends OverdueItem = OverdueItem> {
  item: T;
  level: EscalationLevel;
  dueAt: number;
  /** `<item key>/escalation/<level>`: sent once, whatever later edits of the chain reorder. */
  key: string;
}

/** Steps of the chain not sent yet for each overdue item, in time order. */
export function pendingEscalations<T extends OverdueItem>(
  items: readonly T[],
  timing: NotificationTiming,
  wasSent: (key: string) => boolean,
): DueEscalation<T>[] {
  const due: DueEscalation<T>[] = [];
  for (const item of items) {
    for (const step of planEscalation({ ...timing, deadline: item.deadline })) {
      const key = escalationKey(item.key, step.level);
      if (!wasSent(key)) due.push({ item, level: step.level, dueAt: step.dueAt, key });
    }
  }
  return due.sort((a, b) => a.dueAt - b.dueAt);
}
