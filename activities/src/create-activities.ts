import type { CycleLaunchActivities, OrientirActivities } from '@orientir/contracts';
import type { MailSender } from '@orientir/mail';
import { NotificationService } from './notifications/notification.service';
import { createNotificationActivities } from './notifications/notification.activities';
import { createProjectionActivities } from './projections/projection.activities';
import { createCycleLaunchActivities } from './launch/cycle-launch.activities';
import type {
  EventDirectoryPort,
  LaunchStorePort,
  OutboxPort,
  ProgressPort,
  WorkflowStarterPort,
} from './activity.ports';

export interface ActivityDeps {
  progress: ProgressPort;
  outbox: OutboxPort;
  directory: EventDirectoryPort;
  mailSender: MailSender;
  publicUrl: string;
  launches: LaunchStorePort;
  starter: WorkflowStarterPort;
  reminderDaysBefore: number[];
  isTransientStartError(error: unknown): boolean;
}

/** Every activity the worker registers, built from injected services. */
export function createActivities(deps: ActivityDeps): OrientirActivities & CycleLaunchActivities {
  const notifications = new NotificationService(deps.outbox, deps.mailSender, new URL(deps.publicUrl).hostname);
  return {
    ...createProjectionActivities({ progress: deps.progress }),
    ...createNotificationActivities({ directory: deps.directory, notifications, publicUrl: deps.publicUrl }),
    ...createCycleLaunchActivities({
      launches: deps.launches,
      starter: deps.starter,
      reminderDaysBefore: deps.reminderDaysBefore,
      isTransient: deps.isTransientStartError,
    }),
  };
}
