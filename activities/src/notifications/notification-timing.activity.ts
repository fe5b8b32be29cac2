import { ApplicationFailure } from '@temporalio/activity';
import type { NotificationTiming } from '@orientir/contracts';
import { DEFAULT_ESCALATION_CHAIN, escalationChainProblems } from '@orientir/domain';
import type { CalendarPort, SchoolYearPort } from '../activity.ports';

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
      // A stored chain was checked when it was saved; one that fails today's rules falls back to the default.
      const stored = cycle.escalationChain;
      const chain = stored && escalationChainProblems(stored).length === 0 ? stored : [...DEFAULT_ESCALATION_CHAIN];
      return { timeZone: cycle.timezone, chain, calendar: await calendar.overrides() };
    },
  };
}
