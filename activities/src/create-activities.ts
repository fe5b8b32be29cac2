import type { OrientirActivities } from '@orientir/contracts';
import type { MailSender } from '@orientir/mail';
import { NotificationService } from './notifications/notification.service';
import { createNotificationActivities } from './notifications/notification.activities';
import { createProjectionActivities } from './projections/projection.activities';
import { createSchoolYearActivities } from './school-year/school-year.activities';
import type { EventDirectoryPort, OutboxPort, ProgressPort, SchoolYearPort } from './activity.ports';

export interface ActivityDeps {
  progress: ProgressPort;
  outbox: OutboxPort;
  directory: EventDirectoryPort;
  schoolYear: SchoolYearPort;
  /** Calendar days before a due date when people are reminded (REMINDER_DAYS_BEFORE). */
  reminderDaysBefore: number[];
  mailSender: MailSender;
  publicUrl: string;
}

/** Every activity the worker registers, built from injected services. */
export function createActivities(deps: ActivityDeps): OrientirActivities {
  const notifications = new NotificationService(deps.outbox, deps.mailSender, new URL(deps.publicUrl).hostname);
  return {
    ...createProjectionActivities({ progress: deps.progress }),
    ...createNotificationActivities({ directory: deps.directory, notifications, publicUrl: deps.publicUrl }),
    ...createSchoolYearActivities({
      schoolYear: deps.schoolYear,
      notifications,
      publicUrl: deps.publicUrl,
      reminderDaysBefore: deps.reminderDaysBefore,
    }),
  };
}
