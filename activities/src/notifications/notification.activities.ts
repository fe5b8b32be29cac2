import { ApplicationFailure, log } from '@temporalio/activity';
import type {
  DailyDigestInput,
  DailyDigestResult,
  EnqueueMailInput,
  EnqueueMailResult,
  EventEscalationInput,
  EventReminderInput,
  EventReminderResult,
} from '@orientir/contracts';
import type { EscalationLevel } from '@orientir/domain';
import { renderEventReminder, type MailOutbox } from '@orientir/mail';
import type {
  Addressee,
  DigestPort,
  EventDirectoryPort,
  NotificationModeValue,
  SchoolYearPort,
} from '../activity.ports';
import type { DigestService } from './digest.service';
import {
  coordinatorStepAddressees,
  type EscalationPlace,
  type EscalationRecipientsPort,
} from './escalation-recipients.util';
import { LinkIssuer } from './link-issuer';

export interface NotificationActivityDeps {
  directory: EventDirectoryPort;
  outbox: Pick<MailOutbox, 'enqueue'>;
  digests: DigestService;
  people: DigestPort;
  links: LinkIssuer;
  defaultMode: NotificationModeValue;
  /** Coordinators to escalate to, by the cycle's chain and the executors' municipalities. */
  coordinators: EscalationRecipientsPort & Pick<SchoolYearPort, 'organisationMunicipalities'>;
}

export function createNotificationActivities({
  directory,
  outbox,
  digests,
  people,
  links,
  defaultMode,
  coordinators,
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

    /**
     * The overdue notice (level executor: the event's people, whatever their mail preference, as it is
     * critical) or an escalation letter to the municipal coordinators (of the cycle's municipality; in a
     * region-wide cycle of each executor organisation's, see coordinatorStepAddressees) or the regional
     * ones. Queued once per workflow, occurrence, level and recipient; an address the server refuses
     * never blocks the workflow (the outbox marks it undeliverable and the coordinator sees it).
     */
    async sendEventEscalation(input: EventEscalationInput): Promise<EventReminderResult> {
      const found = await directory.findEventForReminder(input.eventId);
      if (!found) {
        throw ApplicationFailure.create({ message: `Event ${input.eventId} not found`, nonRetryable: true });
      }
      const { cycle, event } = found;
      const recipients: (Addressee & { personId?: string; level: EscalationLevel })[] =
        input.level === 'executor'
          ? found.recipients.map((r) => ({ ...r, level: input.level }))
          : await coordinatorStepAddressees(coordinators, cycle.id, input.level, await escalationPlaces(found));
      if (recipients.length === 0) {
        log.warn('Nobody to tell of an overdue event at this escalation level; shown on the cycle only', { ...input });
      }
      const coordinator = await people.coordinatorContact(cycle.id);
      const expectation = await people.expectationOf(event.id);
      const seen = new Set<string>();
      for (const recipient of recipients) {
        const email = recipient.email.toLowerCase();
        if (seen.has(email)) continue;
        seen.add(email);
        const actionUrl =
          input.level === 'executor' && recipient.personId
            ? await links.eventLink(recipient.personId, cycle.id, event.id)
            : `${links.publicUrl}/cycles/${cycle.id}/events/${event.id}`;
        const mail = renderEventReminder({
          recipientName: recipient.name,
          eventNumber: event.number,
          eventTitle: event.title,
          cycleTitle: cycle.title,
          deadline: new Date(input.deadline),
          timezone: cycle.timezone,
          actionUrl,
          expectation,
          coordinator: input.level === 'executor' ? coordinator : null,
          calendarUid: `event-${event.id}@orientir`,
          notice: input.level === 'executor' ? 'overdue' : 'escalation',
        });
        await outbox.enqueue({
          to: email,
          kind: input.level === 'executor' ? 'event-overdue' : 'event-escalation',
          dedupeKey: `${input.workflowId}/overdue/${input.occurrenceIndex}/${recipient.level}/${email}`,
          cycleId: cycle.id,
          ...mail,
        });
      }
      return { recipients: seen.size };
    },

    async sendDailyDigests(input: DailyDigestInput): Promise<DailyDigestResult> {
      return digests.sendDigests(input);
    },
  };

  /** A municipal cycle's events belong to its municipality; a region-wide one's to their executors'. */
  async function escalationPlaces(found: {
    cycle: { id: string; municipalityId?: string | null };
    event: { executors: { name: string; organisationId?: string | null }[] };
  }): Promise<EscalationPlace[]> {
    const { cycle, event } = found;
    if (cycle.municipalityId) return [{ municipalityId: cycle.municipalityId, label: `cycle ${cycle.id}` }];
    const ids = event.executors.flatMap((x) => (x.organisationId ? [x.organisationId] : []));
    const municipalityOf = new Map(
      (await coordinators.organisationMunicipalities(ids)).map((o) => [o.organisationId, o.municipalityId]),
    );
    return event.executors.map((x) => ({
      municipalityId: (x.organisationId && municipalityOf.get(x.organisationId)) || null,
      label: `executor «${x.name}»${x.organisationId ? '' : ' (not matched to an organisation)'}`,
    }));
  }
}
