import { createEvents, type EventAttributes } from 'ics';
import type { MailAttachment } from '../mail-sender.port';
import { localParts } from './mail-format.util';

export interface CalendarDeadline {
  /** Stable per item, so a second letter updates the calendar entry instead of adding one. */
  uid: string;
  title: string;
  description: string;
  deadline: Date;
  timezone: string;
  url: string;
}

/**
 * An .ics with one entry per deadline. A deadline at the end of a local day («до 31 мая») is an
 * all-day entry on that day; any other is the hour before it. Each entry reminds a day before.
 */
export function deadlineCalendar(deadlines: CalendarDeadline[]): MailAttachment {
  const events = deadlines.map((d): EventAttributes => {
    const local = localParts(d.deadline, d.timezone);
    const common = {
      uid: d.uid,
      title: d.title,
      description: d.description,
      url: d.url,
      productId: 'orientir/notifications',
      alarms: [{ action: 'display' as const, description: d.title, trigger: { days: 1, before: true } }],
    };
    if (local.hour === 23 && local.minute === 59) {
      const next = new Date(Date.UTC(local.year, local.month - 1, local.day + 1));
      return {
        ...common,
        start: [local.year, local.month, local.day],
        end: [next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate()],
      };
    }
    const end = Math.floor(d.deadline.getTime() / 60_000) * 60_000;
    return {
      ...common,
      start: end - 60 * 60_000,
      startInputType: 'utc',
      startOutputType: 'utc',
      end,
      endInputType: 'utc',
      endOutputType: 'utc',
    };
  });
  const { error, value } = createEvents(events, { productId: 'orientir/notifications', method: 'PUBLISH' });
  if (error || !value) throw new Error(`Cannot build the .ics attachment: ${error?.message ?? 'empty calendar'}`);
  return { filename: 'srok.ics', contentType: 'text/calendar; charset=utf-8; method=PUBLISH', content: value };
}
