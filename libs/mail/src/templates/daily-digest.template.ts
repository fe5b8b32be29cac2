import { deadlineCalendar, type CalendarDeadline } from './deadline-calendar.util';
import { html, letterHtml, type SafeHtml } from './html.util';
import type { CoordinatorContact, Expectation, RenderedMail } from './letter.model';
import {
  askHtml,
  askLine,
  expectationHtml,
  expectationLines,
  footerHtml,
  footerLines,
  greeting,
} from './letter-parts.util';
import { formatDeadline, formatRussianDate } from './mail-format.util';

export interface DigestEventItem {
  eventId: string;
  number: string;
  title: string;
  deadline: Date;
  expectation?: Expectation | null;
  /** One-click link scoped to this event. */
  url: string;
}

export interface DigestReviewItem {
  schoolName: string;
  round: number;
  /** One-click link scoped to this school's stage. */
  url: string;
}

export interface DigestCycle {
  title: string;
  coordinator?: CoordinatorContact | null;
  dueSoon: DigestEventItem[];
  overdue: DigestEventItem[];
  reviews: DigestReviewItem[];
}

export interface DailyDigestModel {
  recipientName: string;
  /** The working day the digest is for (an instant on it) and the recipient's time zone. */
  day: Date;
  timezone: string;
  cycles: DigestCycle[];
  unsubscribeUrl?: string;
}

const count = (c: DigestCycle) => c.dueSoon.length + c.overdue.length + c.reviews.length;

/** One letter a working day: per cycle, what is due soon, what is overdue, what awaits review; a link each. */
export function renderDailyDigest(m: DailyDigestModel): RenderedMail {
  const day = formatRussianDate(m.day, m.timezone);
  const cycles = m.cycles.filter((c) => count(c) > 0);
  const overdue = cycles.reduce((n, c) => n + c.overdue.length, 0);
  const total = cycles.reduce((n, c) => n + count(c), 0);
  const subject = `Ориентир: сводка на ${day}${overdue ? ` — просрочено: ${overdue}` : ''} (всего пунктов: ${total})`;

  const eventLines = (items: DigestEventItem[]) =>
    items.flatMap((i) => [
      `• № ${i.number}. ${i.title}`,
      `  Срок: ${formatDeadline(i.deadline, m.timezone)}`,
      ...expectationLines(i.expectation).map((l) => `  ${l}`),
      `  Открыть: ${i.url}`,
    ]);
  const text = [
    greeting(m.recipientName),
    '',
    `Что ждет вас в «Ориентире» на ${day}: каждая ссылка открывает только свой пункт, вход без пароля.`,
    ...cycles.flatMap((c) => [
      '',
      `=== ${c.title} ===`,
      ...(c.overdue.length ? ['', 'Просрочено:', ...eventLines(c.overdue)] : []),
      ...(c.dueSoon.length ? ['', 'Срок скоро:', ...eventLines(c.dueSoon)] : []),
      ...(c.reviews.length
        ? [
            '',
            'Ждет вашей проверки:',
            ...c.reviews.flatMap((r) => [`• ${r.schoolName} — экспертиза, раунд ${r.round}`, `  Открыть: ${r.url}`]),
          ]
        : []),
      '',
      askLine(c.coordinator),
    ]),
    '',
    'Сроки добавлены во вложение (файл .ics) — откройте его, чтобы внести их в календарь.',
    ...footerLines(m.unsubscribeUrl),
  ].join('\n');

  const eventList = (items: DigestEventItem[], colour: string): SafeHtml =>
    html`<ul style="padding-left:20px;margin:4px 0 12px">
      ${items.map(
        (i) =>
          html`<li style="margin-bottom:8px">
            <a href="${i.url}">№ ${i.number}. ${i.title}</a><br /><span style="color:${colour}"
              >Срок: ${formatDeadline(i.deadline, m.timezone)}</span
            >${expectationHtml(i.expectation)}
          </li>`,
      )}
    </ul>`;
  const body = html`<p>${greeting(m.recipientName)}</p>
    <p>Что ждет вас в «Ориентире» на <b>${day}</b>: каждая ссылка открывает только свой пункт, вход без пароля.</p>
    ${cycles.map(
      (c) =>
        html`<h2 style="font-size:17px;margin:20px 0 8px">${c.title}</h2>
          ${
            c.overdue.length
              ? html`<h3 style="font-size:15px;margin:8px 0;color:#c62828">Просрочено</h3>
                  ${eventList(c.overdue, '#c62828')}`
              : ''
          }
          ${
            c.dueSoon.length
              ? html`<h3 style="font-size:15px;margin:8px 0;color:#1f5fbf">Срок скоро</h3>
                  ${eventList(c.dueSoon, '#1f2328')}`
              : ''
          }
          ${
            c.reviews.length
              ? html`<h3 style="font-size:15px;margin:8px 0;color:#b26a00">Ждет вашей проверки</h3>
                  <ul style="padding-left:20px;margin:4px 0 12px">
                    ${c.reviews.map(
                      (r) =>
                        html`<li style="margin-bottom:8px">
                          <a href="${r.url}">${r.schoolName}</a> — экспертиза, раунд ${r.round}
                        </li>`,
                    )}
                  </ul>`
              : ''
          }
          ${askHtml(c.coordinator)}`,
    )}
    <p style="font-size:13px">Сроки добавлены во вложение (файл .ics) — откройте его, чтобы внести их в календарь.</p>`;

  const deadlines: CalendarDeadline[] = cycles.flatMap((c) =>
    [...c.overdue, ...c.dueSoon].map((i) => ({
      uid: `event-${i.eventId}@orientir`,
      title: `Срок: мероприятие № ${i.number}`,
      description: [i.title, ...expectationLines(i.expectation)].join('\n'),
      deadline: i.deadline,
      timezone: m.timezone,
      url: i.url,
    })),
  );
  return {
    subject,
    text,
    html: letterHtml(body, footerHtml(m.unsubscribeUrl)),
    attachments: deadlines.length ? [deadlineCalendar(deadlines)] : [],
  };
}
