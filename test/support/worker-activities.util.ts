import { createActivities, type ActivityDeps } from '@orientir/activities';
import { MAIL_OUTBOX } from '@orientir/mail';
import {
  CalendarStore,
  CycleStore,
  EventTrackingStore,
  LaunchStore,
  MailOutboxStore,
  NotificationStore,
  ProgressStore,
  SchoolYearStore,
} from '@orientir/persistence';
import type { OrientirApps } from './orientir-apps';

/**
 * The worker's real activities over the test apps' stores (PostgreSQL, the outbox), to call one at a
 * time in a MockActivityEnvironment; no launch starter (these tests start no workflows through them).
 */
export function workerActivities(apps: OrientirApps): ReturnType<typeof createActivities> {
  const worker = apps.worker;
  return createActivities({
    progress: worker.get(ProgressStore),
    outbox: worker.get(MAIL_OUTBOX),
    outboxLookup: worker.get(MailOutboxStore),
    directory: worker.get(CycleStore),
    calendar: worker.get(CalendarStore),
    events: worker.get(EventTrackingStore),
    people: worker.get(NotificationStore),
    schoolYear: worker.get(SchoolYearStore),
    reminderDaysBefore: [7, 1],
    publicUrl: 'http://orientir.test',
    defaultNotificationMode: 'instant',
    launches: worker.get(LaunchStore),
    starter: null as unknown as ActivityDeps['starter'],
    isTransientStartError: () => false,
  });
}
