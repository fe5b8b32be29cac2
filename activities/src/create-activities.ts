import type { CycleLaunchActivities, OrientirActivities } from '@orientir/contracts';
import type { MailOutbox } from '@orientir/mail';
import { DigestService } from './notifications/digest.service';
import { LinkIssuer } from './notifications/link-issuer';
import { createNotificationActivities } from './notifications/notification.activities';
import { createNotificationTimingActivity } from './notifications/notification-timing.activity';
import { createProjectionActivities } from './projections/projection.activities';
import { createSchoolYearActivities } from './school-year/school-year.activities';
import { createCycleLaunchActivities } from './launch/cycle-launch.activities';
import { createEventActivities } from './events/event.activities';
import type {
  CalendarPort,
  DigestPort,
  EventTrackingPort,
  EventDirectoryPort,
  LaunchStorePort,
  NotificationModeValue,
  OutboxLookupPort,
  ProgressPort,
  SchoolYearPort,
  WorkflowStarterPort,
} from './activity.ports';

export interface ActivityDeps {
  progress: ProgressPort;
  /** Mail leaves only through the outbox; the worker's dispatcher sends it. */
  outbox: Pick<MailOutbox, 'enqueue'>;
  /** Whether a dedupe key was queued before (the digest issues no links for a letter already queued). */
  outboxLookup: OutboxLookupPort;
  directory: EventDirectoryPort;
  calendar: CalendarPort;
  events: EventTrackingPort;
  /** Links, preferences and the digest's reading of the read model. */
  people: DigestPort;
  /** The school year's set-up and addressees. */
  schoolYear: SchoolYearPort;
  /** Calendar days before a stage's due date when people are reminded (REMINDER_DAYS_BEFORE). */
  reminderDaysBefore: number[];
  publicUrl: string;
  /** What a person without a saved preference gets: one digest a working day, or each item at once. */
  defaultNotificationMode: NotificationModeValue;
  launches: LaunchStorePort;
  starter: WorkflowStarterPort;
  isTransientStartError(error: unknown): boolean;
}

/** Every activity the worker registers, built from injected services. */
export function createActivities(deps: ActivityDeps): OrientirActivities & CycleLaunchActivities {
  const links = new LinkIssuer(deps.people, deps.publicUrl);
  const digests = new DigestService(
    deps.people,
    deps.outboxLookup,
    deps.outbox,
    links,
    deps.defaultNotificationMode,
    deps.calendar,
  );
  return {
    ...createProjectionActivities({ progress: deps.progress }),
    ...createEventActivities({ events: deps.events, calendar: deps.calendar }),
    ...createNotificationActivities({
      directory: deps.directory,
      outbox: deps.outbox,
      digests,
      people: deps.people,
      links,
      defaultMode: deps.defaultNotificationMode,
      coordinators: deps.schoolYear,
    }),
    ...createNotificationTimingActivity({ cycles: deps.schoolYear, calendar: deps.calendar }),
    ...createSchoolYearActivities({
      schoolYear: deps.schoolYear,
      outbox: deps.outbox,
      publicUrl: deps.publicUrl,
      reminderDaysBefore: deps.reminderDaysBefore,
      calendar: deps.calendar,
    }),
    loadCalendarOverrides: () => deps.calendar.overrides(),
    ...createCycleLaunchActivities({
      launches: deps.launches,
      starter: deps.starter,
      reminderDaysBefore: deps.reminderDaysBefore,
      isTransient: deps.isTransientStartError,
    }),
  };
}
