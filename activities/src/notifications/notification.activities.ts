import { ApplicationFailure, log } from '@temporalio/activity';
import type { DailyDigestInput, DailyDigestResult, EventReminderInput, EventReminderResult } from '@orientir/contracts';
import { renderEventReminder } from '@orientir/mail';
import type { DigestPort, EventDirectoryPort, NotificationModeValue } from '../activity.ports';
import type { DigestService } from './digest.service';
import { LinkIssuer } from './link-issuer';
import type { NotificationService } from './notification.service';

export interface NotificationActivityDeps {
  directory: EventDirectoryPort;
  notifications: NotificationService;
  digests: DigestService;
  people: DigestPort;
  links: LinkIssuer;
  defaultMode: NotificationModeValue;
}

export function createNotificationActivities({
  directory,
  notifications,
  digests,
  people,
  links,
  defaultMode,
}: NotificationActivityDeps) {
  return {
    /**
     * A reminder goes at once only to people who chose instant mail; the others read the item in
     * their daily digest (or, having opted out, only when it is overdue).
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
      let sent = 0;
      for (const recipient of recipients) {
        const idempotencyKey = `${input.workflowId}/reminder/${input.reminderIndex}/${recipient.email.toLowerCase()}`;
        const mode = recipient.personId ? (modes.get(recipient.personId) ?? defaultMode) : 'instant';
        if (mode !== 'instant') continue;
        let actionUrl = `${links.publicUrl}/cycles/${cycle.id}/events/${event.id}`;
        let unsubscribe: Awaited<ReturnType<LinkIssuer['unsubscribeLinks']>> | null = null;
        // A retry renders again with fresh links; the outbox keeps the first letter per key, and
        // links of a letter never sent simply expire.
        if (recipient.personId) {
          actionUrl = await links.eventLink(recipient.personId, cycle.id, event.id);
          unsubscribe = await links.unsubscribeLinks(recipient.personId);
        }
        const mail = renderEventReminder({
          recipientName: recipient.name,
          eventNumber: event.number,
          eventTitle: event.title,
          cycleTitle: cycle.title,
          deadline: event.deadline,
          timezone: cycle.timezone,
          actionUrl,
          expectation: null,
          coordinator,
          unsubscribeUrl: unsubscribe?.pageUrl,
          calendarUid: `event-${event.id}@orientir`,
        });
        await notifications.deliver({
          idempotencyKey,
          to: recipient.email,
          ...mail,
          headers: unsubscribe ? LinkIssuer.unsubscribeHeaders(unsubscribe) : undefined,
        });
        sent += 1;
      }
      return { recipients: sent };
    },

    async sendDailyDigests(input: DailyDigestInput): Promise<DailyDigestResult> {
      return digests.sendDigests(input);
    },
  };
}
