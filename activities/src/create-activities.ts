import type { OrientirActivities } from '@orientir/contracts';
import type { MailSender } from '@orientir/mail';
import { DigestService } from './notifications/digest.service';
import { LinkIssuer } from './notifications/link-issuer';
import { NotificationService } from './notifications/notification.service';
import { createNotificationActivities } from './notifications/notification.activities';
import { createProjectionActivities } from './projections/projection.activities';
import type {
  DigestPort,
  EventDirectoryPort,
  NotificationModeValue,
  OutboxLookupPort,
  OutboxPort,
  ProgressPort,
} from './activity.ports';

export interface ActivityDeps {
  progress: ProgressPort;
  outbox: OutboxPort & OutboxLookupPort;
  directory: EventDirectoryPort;
  /** Links, preferences and the digest's reading of the read model. */
  people: DigestPort;
  mailSender: MailSender;
  publicUrl: string;
  /** What a person without a saved preference gets: one digest a working day, or each item at once. */
  defaultNotificationMode: NotificationModeValue;
}

/** Every activity the worker registers, built from injected services. */
export function createActivities(deps: ActivityDeps): OrientirActivities {
  const notifications = new NotificationService(deps.outbox, deps.mailSender, new URL(deps.publicUrl).hostname);
  const links = new LinkIssuer(deps.people, deps.publicUrl);
  const digests = new DigestService(deps.people, deps.outbox, notifications, links, deps.defaultNotificationMode);
  return {
    ...createProjectionActivities({ progress: deps.progress }),
    ...createNotificationActivities({
      directory: deps.directory,
      notifications,
      digests,
      people: deps.people,
      links,
      defaultMode: deps.defaultNotificationMode,
    }),
  };
}
