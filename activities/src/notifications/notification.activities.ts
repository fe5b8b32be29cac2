import { ApplicationFailure, log } from '@temporalio/activity';
import type { EventReminderInput, EventReminderResult } from '@orientir/contracts';
import { renderEventReminder } from '@orientir/mail';
import type { EventDirectoryPort } from '../activity.ports';
import type { NotificationService } from './notification.service';

export interface NotificationActivityDeps {
  directory: EventDirectoryPort;
  notifications: NotificationService;
  publicUrl: string;
}

export function createNotificationActivities({ directory, notifications, publicUrl }: NotificationActivityDeps) {
  return {
    async sendEventReminder(input: EventReminderInput): Promise<EventReminderResult> {
      const found = await directory.findEventForReminder(input.eventId);
      if (!found) {
        throw ApplicationFailure.create({ message: `Event ${input.eventId} not found`, nonRetryable: true });
      }
      const { cycle, event, recipients } = found;
      if (recipients.length === 0) {
        // Shown as «нет адресата» on the cycle; the workflow goes on.
        log.warn('No executor organisation of the event has a person with an e-mail; reminder not sent', {
          eventId: event.id,
          unmatched: event.executors.filter((x) => !x.organisationId).map((x) => x.name),
        });
      }
      for (const recipient of recipients) {
        const mail = renderEventReminder({
          recipientName: recipient.name,
          eventNumber: event.number,
          eventTitle: event.title,
          cycleTitle: cycle.title,
          deadline: event.deadline,
          timezone: cycle.timezone,
          actionUrl: `${publicUrl}/cycles/${cycle.id}/events/${event.id}`,
        });
        await notifications.deliver({
          idempotencyKey: `${input.workflowId}/reminder/${input.reminderIndex}/${recipient.email.toLowerCase()}`,
          to: recipient.email,
          ...mail,
        });
      }
      return { recipients: recipients.length };
    },
  };
}
