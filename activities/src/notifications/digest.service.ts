import type { DailyDigestInput, DailyDigestResult } from '@orientir/contracts';
import { WorkingCalendar } from '@orientir/domain';
import {
  localIsoDate,
  localParts,
  renderDailyDigest,
  type DigestCycle,
  type DigestEventItem,
  type MailOutbox,
} from '@orientir/mail';
import type { CalendarPort, DigestPort, NotificationModeValue, OutboxLookupPort } from '../activity.ports';
import { LinkIssuer } from './link-issuer';

const DAY_MS = 24 * 60 * 60 * 1000;
/** «Срок скоро»: deadlines within this many working days (the first reminder's distance). */
export const DUE_SOON_WORKING_DAYS = 7;

export const digestKey = (personId: string, localDate: string): string => `digest/${personId}/${localDate}`;

type Item = Awaited<ReturnType<DigestPort['digestItems']>>[number];

/**
 * The daily digest of one time zone: on a working day, each person with something due soon,
 * overdue or awaiting their review gets one letter (idempotent per person and local date).
 */
export class DigestService {
  constructor(
    private readonly store: DigestPort,
    private readonly outbox: OutboxLookupPort,
    private readonly mailOutbox: Pick<MailOutbox, 'enqueue'>,
    private readonly links: LinkIssuer,
    private readonly defaultMode: NotificationModeValue,
    /** The installation's calendar (loaded years, a region's extra days), read on every run. */
    private readonly calendarSource: CalendarPort = { overrides: () => Promise.resolve({}) },
  ) {}

  async sendDigests(input: DailyDigestInput): Promise<DailyDigestResult> {
    const at = new Date(input.at);
    const localDate = localIsoDate(at, input.timezone);
    const calendar = new WorkingCalendar(await this.calendarSource.overrides());
    if (!calendar.isWorkingDay(localDate)) return { localDate, workingDay: false, sent: 0, skipped: 0 };

    const items = await this.store.digestItems(input.timezone, this.dueBy(calendar, at, input.timezone, localDate));
    const byPerson = new Map<string, Item[]>();
    for (const item of items) byPerson.set(item.personId, [...(byPerson.get(item.personId) ?? []), item]);
    const people = await this.store.digestRecipients([...byPerson.keys()], this.defaultMode);
    const coordinators = new Map<string, Promise<Awaited<ReturnType<DigestPort['coordinatorContact']>>>>();
    let sent = 0;
    let skipped = 0;
    for (const person of people) {
      const mode = person.mode;
      const isOverdue = (i: Item) =>
        i.kind === 'event' && (i.status === 'overdue' || (i.deadline?.getTime() ?? 0) < at.getTime());
      // «Off» keeps only what is critical: overdue work. «Instant» people got each item at once.
      const mine = (byPerson.get(person.id) ?? []).filter((i) => mode !== 'off' || isOverdue(i));
      const key = digestKey(person.id, localDate);
      if (mode === 'instant' || mine.length === 0 || (await this.outbox.has(key))) {
        skipped += 1;
        continue;
      }
      const cycles = new Map<string, DigestCycle>();
      for (const item of mine.sort(byDeadline)) {
        let cycle = cycles.get(item.cycleId);
        if (!cycle) {
          if (!coordinators.has(item.cycleId))
            coordinators.set(item.cycleId, this.store.coordinatorContact(item.cycleId));
          cycle = {
            title: item.cycleTitle,
            coordinator: await coordinators.get(item.cycleId),
            dueSoon: [],
            overdue: [],
            reviews: [],
          };
          cycles.set(item.cycleId, cycle);
        }
        if (item.kind === 'review' && item.schoolId) {
          cycle.reviews.push({
            schoolName: item.title,
            round: item.round ?? 1,
            url: await this.links.schoolLink(person.id, item.cycleId, item.schoolId),
          });
        } else if (item.eventId && item.deadline) {
          const entry: DigestEventItem = {
            eventId: item.eventId,
            number: item.eventNumber ?? '',
            title: item.title,
            deadline: item.deadline,
            expectation: { indicator: item.indicator ?? null, reportForm: item.reportForm ?? null },
            url: await this.links.eventLink(person.id, item.cycleId, item.eventId),
          };
          (isOverdue(item) ? cycle.overdue : cycle.dueSoon).push(entry);
        }
      }
      const unsubscribe = await this.links.unsubscribeLinks(person.id);
      const mail = renderDailyDigest({
        recipientName: person.fullName,
        day: at,
        timezone: input.timezone,
        cycles: [...cycles.values()],
        unsubscribeUrl: unsubscribe.pageUrl,
      });
      await this.mailOutbox.enqueue({
        dedupeKey: key,
        kind: 'digest',
        to: person.email,
        ...mail,
        headers: LinkIssuer.unsubscribeHeaders(unsubscribe),
      });
      sent += 1;
    }
    return { localDate, workingDay: true, sent, skipped };
  }

  /** The end of the local day DUE_SOON_WORKING_DAYS working days ahead. */
  private dueBy(calendar: WorkingCalendar, at: Date, timezone: string, localDate: string): Date {
    const last = calendar.addWorkingDays(localDate, DUE_SOON_WORKING_DAYS);
    const days = Math.round((Date.parse(`${last}T00:00:00Z`) - Date.parse(`${localDate}T00:00:00Z`)) / DAY_MS);
    const { hour, minute } = localParts(at, timezone);
    const toMidnight = DAY_MS - (hour * 60 + minute) * 60_000;
    return new Date(at.getTime() + days * DAY_MS + toMidnight);
  }
}

function byDeadline(a: Item, b: Item): number {
  return (a.deadline?.getTime() ?? Infinity) - (b.deadline?.getTime() ?? Infinity);
}
