// Pieces every letter about work shares: what is expected, whom to ask, how to stop the mail.
import { html, type SafeHtml } from './html.util';
import type { CoordinatorContact, Expectation } from './letter.model';

/**
 * «Здравствуйте, Имя!», or «Здравствуйте!» when the directory knows the recipient only by a mailbox
 * (a school's e-mail stands for the school's people and carries the address as its name).
 */
export function greeting(recipientName: string): string {
  const name = recipientName.trim();
  return !name || name.includes('@') ? 'Здравствуйте!' : `Здравствуйте, ${name}!`;
}

export function expectationLines(e: Expectation | null | undefined): string[] {
  if (!e) return [];
  return [
    ...(e.indicator ? [`Что ожидается (показатель): ${e.indicator}`] : []),
    ...(e.reportForm ? [`Форма отчета: ${e.reportForm}`] : []),
  ];
}

export function expectationHtml(e: Expectation | null | undefined): SafeHtml {
  if (!e || (!e.indicator && !e.reportForm)) return html``;
  return html`${e.indicator ? html`<br />Что ожидается (показатель): <b>${e.indicator}</b>` : ''}${
    e.reportForm ? html`<br />Форма отчета: <b>${e.reportForm}</b>` : ''
  }`;
}

function contactOf(c: CoordinatorContact): string {
  return [c.name, c.email, c.phone].filter(Boolean).join(', ');
}

export function askLine(c: CoordinatorContact | null | undefined): string {
  return c ? `Вопросы — координатору: ${contactOf(c)}.` : 'Вопросы — муниципальному координатору дорожной карты.';
}

export function askHtml(c: CoordinatorContact | null | undefined): SafeHtml {
  if (!c) return html`<p>${askLine(c)}</p>`;
  return html`<p>
    Вопросы — координатору: <b>${c.name}</b>${
      c.email ? html`, <a href="mailto:${c.email}">${c.email}</a>` : ''
    }${c.phone ? html`, тел. ${c.phone}` : ''}.
  </p>`;
}

export function footerLines(unsubscribeUrl: string | undefined): string[] {
  return [
    '',
    'Это письмо отправлено автоматически системой «Ориентир».',
    ...(unsubscribeUrl ? [`Отписаться от необязательных писем: ${unsubscribeUrl}`] : []),
  ];
}

export function footerHtml(unsubscribeUrl: string | undefined): SafeHtml {
  return html`Это письмо отправлено автоматически системой
  «Ориентир».${
    unsubscribeUrl
      ? html` <a href="${unsubscribeUrl}" style="color:#6b7280">Отписаться от необязательных писем</a>`
      : ''
  }`;
}

export function buttonHtml(url: string, label: string): SafeHtml {
  return html`<a
    href="${url}"
    style="display:inline-block;padding:8px 16px;background:#2f6fed;color:#ffffff;text-decoration:none;border-radius:6px"
    >${label}</a
  >`;
}
