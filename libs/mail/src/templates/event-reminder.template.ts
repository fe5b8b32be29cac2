import { escapeHtml, formatRussianDate } from './html.util';

export interface EventReminderModel {
  recipientName: string;
  eventNumber: string;
  eventTitle: string;
  cycleTitle: string;
  deadline: Date;
  timezone: string;
  actionUrl: string;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/** A reminder to an event's executor: what, by when, and where to see it (no evidence upload exists yet). */
export function renderEventReminder(m: EventReminderModel): RenderedMail {
  const due = formatRussianDate(m.deadline, m.timezone);
  const subject = `Напоминание: мероприятие № ${m.eventNumber} — срок ${due}`;
  const text = [
    `Здравствуйте, ${m.recipientName}!`,
    '',
    `Напоминаем о мероприятии дорожной карты «${m.cycleTitle}»:`,
    `№ ${m.eventNumber}. ${m.eventTitle}`,
    `Срок исполнения: ${due}`,
    '',
    `Открыть мероприятие в «Ориентире»: ${m.actionUrl}`,
    '',
    'Это письмо отправлено автоматически системой «Ориентир».',
  ].join('\n');
  const html = `<!doctype html><html lang="ru"><body style="font-family:Arial,sans-serif">
<p>Здравствуйте, ${escapeHtml(m.recipientName)}!</p>
<p>Напоминаем о мероприятии дорожной карты «${escapeHtml(m.cycleTitle)}»:</p>
<p><b>№ ${escapeHtml(m.eventNumber)}. ${escapeHtml(m.eventTitle)}</b><br>Срок исполнения: <b>${escapeHtml(due)}</b></p>
<p><a href="${escapeHtml(m.actionUrl)}">Открыть мероприятие в «Ориентире»</a></p>
<p style="color:#777">Это письмо отправлено автоматически системой «Ориентир».</p>
</body></html>`;
  return { subject, text, html };
}
