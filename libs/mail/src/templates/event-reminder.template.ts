import { deadlineCalendar } from './deadline-calendar.util';
import { html, letterHtml } from './html.util';
import type { CoordinatorContact, Expectation, RenderedMail } from './letter.model';
import {
  askHtml,
  askLine,
  buttonHtml,
  expectationHtml,
  expectationLines,
  footerHtml,
  footerLines,
  greeting,
} from './letter-parts.util';
import { formatDeadline, formatRussianDate } from './mail-format.util';

export type { RenderedMail } from './letter.model';

export interface EventReminderModel {
  recipientName: string;
  eventNumber: string;
  eventTitle: string;
  cycleTitle: string;
  deadline: Date;
  /** The recipient's (the cycle's) time zone: every date in the letter is in it. */
  timezone: string;
  /** A one-click link scoped to this event, or the event page. */
  actionUrl: string;
  expectation?: Expectation | null;
  coordinator?: CoordinatorContact | null;
  unsubscribeUrl?: string;
  /** Stable across resends, so a calendar updates the entry instead of adding another. */
  calendarUid?: string;
  /**
   * `reminder` (default) before the deadline; `overdue` tells the executor the deadline has passed;
   * `escalation` tells a coordinator that an executor's item is overdue.
   */
  notice?: 'reminder' | 'overdue' | 'escalation';
}

/** Subject and opening line of each kind of letter about an event. */
function wording(m: EventReminderModel, due: string): { subject: string; intro: string } {
  switch (m.notice ?? 'reminder') {
    case 'reminder':
      return {
        subject: `Напоминание: мероприятие № ${m.eventNumber} — срок ${due}`,
        intro: `Напоминаем о мероприятии дорожной карты «${m.cycleTitle}»:`,
      };
    case 'overdue':
      return {
        subject: `Просрочено: мероприятие № ${m.eventNumber} — срок был ${due}`,
        intro: `Срок мероприятия дорожной карты «${m.cycleTitle}» прошел, а исполнение не отмечено:`,
      };
    case 'escalation':
      return {
        subject: `Эскалация: мероприятие № ${m.eventNumber} не выполнено в срок (${due})`,
        intro: `Исполнитель не отметил выполнение мероприятия дорожной карты «${m.cycleTitle}» в срок. Просим проконтролировать:`,
      };
  }
}

/**
 * A reminder to an event's executor (or its overdue notice, or an escalation to a coordinator): what is
 * expected, by when (local), whom to ask, one button, an .ics.
 */
export function renderEventReminder(m: EventReminderModel): RenderedMail {
  const due = formatRussianDate(m.deadline, m.timezone);
  const dueFull = formatDeadline(m.deadline, m.timezone);
  const { subject, intro } = wording(m, due);
  const text = [
    greeting(m.recipientName),
    '',
    intro,
    `№ ${m.eventNumber}. ${m.eventTitle}`,
    ...expectationLines(m.expectation),
    `Срок исполнения: ${dueFull}`,
    '',
    `Открыть мероприятие в «Ориентире» (вход по ссылке, без пароля): ${m.actionUrl}`,
    '',
    askLine(m.coordinator),
    'Срок добавлен во вложение (файл .ics) — откройте его, чтобы внести в календарь.',
    ...footerLines(m.unsubscribeUrl),
  ].join('\n');
  const body = html`<p>${greeting(m.recipientName)}</p>
    <p>${intro}</p>
    <p>
      <b>№ ${m.eventNumber}. ${m.eventTitle}</b>${expectationHtml(m.expectation)}<br />Срок исполнения:
      <b>${dueFull}</b>
    </p>
    <p>${buttonHtml(m.actionUrl, 'Открыть мероприятие')}</p>
    <p style="color:#6b7280;font-size:13px">Кнопка открывает только это мероприятие, вход без пароля.</p>
    ${askHtml(m.coordinator)}
    <p style="font-size:13px">Срок добавлен во вложение (файл .ics) — откройте его, чтобы внести в календарь.</p>`;
  return {
    subject,
    text,
    html: letterHtml(body, footerHtml(m.unsubscribeUrl)),
    attachments: [
      deadlineCalendar([
        {
          uid: m.calendarUid ?? `event-${m.eventNumber}-${m.deadline.getTime()}@orientir`,
          title: `Срок: мероприятие № ${m.eventNumber}`,
          description: [`${m.eventTitle}`, ...expectationLines(m.expectation)].join('\n'),
          deadline: m.deadline,
          timezone: m.timezone,
          url: m.actionUrl,
        },
      ]),
    ],
  };
}
