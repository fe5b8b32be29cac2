import type { OrientirActivities } from '@orientir/contracts';
import type { MailSender } from '@orientir/mail';
import { NotificationService } from './notifications/notification.service';
import { createNotificationActivities } from './notifications/notification.activities';
import { createProjectionActivities } from './projections/projection.activities';
import { createEventActivities } from './events/event.activities';
import type { EventDirectoryPort, EventTrackingPort, OutboxPort, ProgressPort } from './activity.ports';

export interface ActivityDeps {
  progress: ProgressPort;
  outbox: OutboxPort;
  directory: EventDirectoryPort;
  events: EventTrackingPort;
  mailSender: MailSender;
  publicUrl: string;
}

/** Every activity the worker registers, built from injected services. */
export function createActivities(deps: ActivityDeps): OrientirActivities {
  const notifications = new NotificationService(deps.outbox, deps.mailSender, new URL(deps.publicUrl).hostname);
  return {
    ...createProjectionActivities({ progress: deps.progress }),
    ...createEventActivities({ events: deps.events }),
    ...createNotificationActivities({ directory: deps.directory, notifications, publicUrl: deps.publicUrl }),
  };
}
