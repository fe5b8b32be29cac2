import type { CycleLaunchActivities, OrientirActivities } from '@orientir/contracts';
import type { MailOutbox } from '@orientir/mail';
import { createNotificationActivities } from './notifications/notification.activities';
import { createProjectionActivities } from './projections/projection.activities';
import { createCycleLaunchActivities } from './launch/cycle-launch.activities';
import type { EventDirectoryPort, LaunchStorePort, ProgressPort, WorkflowStarterPort } from './activity.ports';

export interface ActivityDeps {
  progress: ProgressPort;
  /** Mail leaves only through the outbox; the worker's dispatcher sends it. */
  outbox: Pick<MailOutbox, 'enqueue'>;
  directory: EventDirectoryPort;
  publicUrl: string;
  launches: LaunchStorePort;
  starter: WorkflowStarterPort;
  reminderDaysBefore: number[];
  isTransientStartError(error: unknown): boolean;
}

/** Every activity the worker registers, built from injected services. */
export function createActivities(deps: ActivityDeps): OrientirActivities & CycleLaunchActivities {
  return {
    ...createProjectionActivities({ progress: deps.progress }),
    ...createNotificationActivities({ directory: deps.directory, outbox: deps.outbox, publicUrl: deps.publicUrl }),
    ...createCycleLaunchActivities({
      launches: deps.launches,
      starter: deps.starter,
      reminderDaysBefore: deps.reminderDaysBefore,
      isTransient: deps.isTransientStartError,
    }),
  };
}
