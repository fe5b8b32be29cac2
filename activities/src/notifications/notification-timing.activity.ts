import { ApplicationFailure } from '@temporalio/activity';
import type { NotificationTiming } from '@orientir/contracts';
import { DEFAULT_ESCALATION_CHAIN, escalationChainProblems, type EscalationStep } from '@orientir/domain';
import type { CalendarPort, SchoolYearPort } from '../activity.ports';

/** The chain a cycle follows: its own; the default when it has none, or one that fails today's rules. */
export function effectiveEscalationChain(stored: readonly EscalationStep[] | null): EscalationStep[] {
  // A stored chain was checked when it was saved; one that fails today's rules falls back to the default.
  return stored && escalationChainProblems(stored).length === 0 ? [...stored] : [...DEFAULT_ESCALATION_CHAIN];
}

/**
 * What the event and school workflows plan overdue notices and escalation with: the cycle's chain and
 * zone and the installation's calendar changes. Read at each planning step (see NotificationTiming).
 */
export function createNotificationTimingActivity({
  cycles,
  calendar,
}: {
  cycles: Pick<SchoolYearPort, 'cycle'>;
  calendar: CalendarPort;
}) {
  return {
    async loadNotificationTiming({ cycleId }: { cycleId: string }): Promise<NotificationTiming> {
      const cycle = await cycles.cycle(cycleId);
      if (!cycle) throw ApplicationFailure.create({ message: `Cycle ${cycleId} not found`, nonRetryable: true });
      const chain = effectiveEscalationChain(cycle.escalationChain);
      return { timeZone: cycle.timezone, chain, calendar: await calendar.overrides() };
    },
  };
}
