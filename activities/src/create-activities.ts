import type { OrientirActivities } from '@orientir/contracts';
import type { MailOutbox } from '@orientir/mail';
import { createNotificationActivities } from './notifications/notification.activities';
import { createProjectionActivities } from './projections/projection.activities';
import type { CalendarPort, EventDirectoryPort, ProgressPort } from './activity.ports';

export interface ActivityDeps {
  progress: ProgressPort;
  /** Mail leaves only through the outbox; the worker's dispatcher sends it. */
  outbox: Pick<MailOutbox, 'enqueue'>;
  directory: EventDirectoryPort;
  calendar: CalendarPort;
  publicUrl: string;
}

/** Every activity the worker registers, built from injected services. */
export function createActivities(deps: ActivityDeps): OrientirActivities {
  return {
    ...createProjectionActivities({ progress: deps.progress }),
    ...createNotificationActivities({ directory: deps.directory, outbox: deps.outbox, publicUrl: deps.publicUrl }),
    loadCalendarOverrides: () => deps.calendar.overrides(),
  };
}
