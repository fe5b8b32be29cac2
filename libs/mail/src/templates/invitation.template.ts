import { greeting } from './letter-parts.util';
import type { RenderedMail } from './letter.model';
import { escapeHtml } from './html.util';

export interface InvitationModel {
  recipientName: string;
  invitedBy: string;
  setPasswordUrl: string;
  validHours: number;
}

/** The invitation: who invited, the single-use link to set a password, how long it lives. */
export function renderInvitation(m: InvitationModel): RenderedMail {
  const subject = 'Ориентир: приглашение в систему';
  const text = [
    greeting(m.recipientName),
    '',
    `${m.invitedBy} приглашает вас в систему «Ориентир» (дорожные карты и мероприятия для школ).`,
    `Чтобы войти, задайте пароль по ссылке (она действует ${m.validHours} ч и только один раз):`,
    m.setPasswordUrl,
    '',
    'Если вы не ждали этого письма, просто проигнорируйте его.',
    '',
    'Это письмо отправлено автоматически системой «Ориентир».',
  ].join('\n');
  const html = `<!doctype html><html lang="ru"><body style="font-family:Arial,sans-serif">
<p>${escapeHtml(greeting(m.recipientName))}</p>
<p>${escapeHtml(m.invitedBy)} приглашает вас в систему «Ориентир» (дорожные карты и мероприятия для школ).</p>
<p><a href="${escapeHtml(m.setPasswordUrl)}">Задать пароль</a> — ссылка действует ${m.validHours} ч и только один раз.</p>
<p>Если вы не ждали этого письма, просто проигнорируйте его.</p>
<p style="color:#777">Это письмо отправлено автоматически системой «Ориентир».</p>
</body></html>`;
  return { subject, text, html };
}
