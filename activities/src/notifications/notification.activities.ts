import { ApplicationFailure, log } from '@temporalio/activity';
import type { EnqueueMailInput, EnqueueMailResult, EventReminderInput, EventReminderResult } from '@orientir/contracts';
import { renderEventReminder, type MailOutbox } from '@orientir/mail';
import type { EventDirectoryPort } from '../activity.ports';

export interface NotificationActivityDeps {
  directory: EventDirectoryPort;
  outbox: Pick<MailOutbox, 'enqueue'>;
  publicUrl: string;
}

export function createNotificationActivities({ directory, outbox, publicUrl }: NotificationActivityDeps) {
  return {
    /** Queues one e-mail; the dispatcher sends it. Idempotent per dedupe key. */
    async enqueueMail(input: EnqueueMailInput): Promise<EnqueueMailResult> {
      const queued = await outbox.enqueue(input);
      return { outboxId: queued.id, status: queued.status };
    },

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
        // Queued, not sent: the key per workflow, reminder and recipient keeps a retry from doubling it.
        await outbox.enqueue({
          to: recipient.email,
          kind: 'event-reminder',
          dedupeKey: `${input.workflowId}/reminder/${input.reminderIndex}/${recipient.email.toLowerCase()}`,
          cycleId: cycle.id,
          ...mail,
        });
      }
      return { recipients: recipients.length };
    },
  };
}
