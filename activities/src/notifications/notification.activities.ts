import { ApplicationFailure, log } from '@temporalio/activity';
import type {
  DailyDigestInput,
  DailyDigestResult,
  EnqueueMailInput,
  EnqueueMailResult,
  EventReminderInput,
  EventReminderResult,
} from '@orientir/contracts';
import { renderEventReminder, type MailOutbox } from '@orientir/mail';
import type { DigestPort, EventDirectoryPort, NotificationModeValue } from '../activity.ports';
import type { DigestService } from './digest.service';
import { LinkIssuer } from './link-issuer';

export interface NotificationActivityDeps {
  directory: EventDirectoryPort;
  outbox: Pick<MailOutbox, 'enqueue'>;
  digests: DigestService;
  people: DigestPort;
  links: LinkIssuer;
  defaultMode: NotificationModeValue;
}

export function createNotificationActivities({
  directory,
  outbox,
  digests,
  people,
  links,
  defaultMode,
}: NotificationActivityDeps) {
  return {
    /** Queues one e-mail; the dispatcher sends it. Idempotent per dedupe key. */
    async enqueueMail(input: EnqueueMailInput): Promise<EnqueueMailResult> {
      const queued = await outbox.enqueue(input);
      return { outboxId: queued.id, status: queued.status };
    },

    /**
     * A reminder goes at once only to people who chose instant mail; the others read the item in
     * their daily digest (or, having opted out, only once it is overdue).
     */
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
      const modes = await people.modesOf(recipients.flatMap((r) => (r.personId ? [r.personId] : [])));
      const coordinator = recipients.length ? await people.coordinatorContact(cycle.id) : null;
      const expectation = recipients.length ? await people.expectationOf(event.id) : null;
      let queued = 0;
      for (const recipient of recipients) {
        const mode = recipient.personId ? (modes.get(recipient.personId) ?? defaultMode) : 'instant';
        if (mode !== 'instant') continue;
        // A retry renders again with fresh links; the outbox keeps the first letter per key, and
        // links of a letter never queued simply expire.
        const actionUrl = recipient.personId
          ? await links.eventLink(recipient.personId, cycle.id, event.id)
          : `${links.publicUrl}/cycles/${cycle.id}/events/${event.id}`;
        const unsubscribe = recipient.personId ? await links.unsubscribeLinks(recipient.personId) : null;
        const mail = renderEventReminder({
          recipientName: recipient.name,
          eventNumber: event.number,
          eventTitle: event.title,
          cycleTitle: cycle.title,
          deadline: event.deadline,
          timezone: cycle.timezone,
          actionUrl,
          expectation,
          coordinator,
          unsubscribeUrl: unsubscribe?.pageUrl,
          calendarUid: `event-${event.id}@orientir`,
        });
        // Queued, not sent: the key per workflow, reminder and recipient keeps a retry from doubling it.
        await outbox.enqueue({
          to: recipient.email,
          kind: 'event-reminder',
          dedupeKey: `${input.workflowId}/reminder/${input.reminderIndex}/${recipient.email.toLowerCase()}`,
          cycleId: cycle.id,
          ...mail,
          headers: unsubscribe ? LinkIssuer.unsubscribeHeaders(unsubscribe) : undefined,
        });
        queued += 1;
      }
      return { recipients: queued };
    },

    async sendDailyDigests(input: DailyDigestInput): Promise<DailyDigestResult> {
      return digests.sendDigests(input);
    },
  };
}
