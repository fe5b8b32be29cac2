import { greeting } from './letter-parts.util';
import type { RenderedMail } from './letter.model';
import { escapeHtml } from './html.util';

export interface PasswordResetModel {
  recipientName: string;
  resetUrl: string;
  validMinutes: number;
}

/** The password reset letter: the link, how long it lives, and what to do if it was not you. */
export function renderPasswordReset(m: PasswordResetModel): RenderedMail {
  const subject = 'Ориентир: восстановление пароля';
  const text = [
    greeting(m.recipientName),
    '',
    'Для вашей учетной записи в системе «Ориентир» запрошена смена пароля.',
    `Чтобы задать новый пароль, перейдите по ссылке (она действует ${m.validMinutes} минут и только один раз):`,
    m.resetUrl,
    '',
    'Если вы не запрашивали смену пароля, просто проигнорируйте это письмо: пароль останется прежним.',
    '',
    'Это письмо отправлено автоматически системой «Ориентир».',
  ].join('\n');
  const html = `<!doctype html><html lang="ru"><body style="font-family:Arial,sans-serif">
<p>${escapeHtml(greeting(m.recipientName))}</p>
<p>Для вашей учетной записи в системе «Ориентир» запрошена смена пароля.</p>
<p><a href="${escapeHtml(m.resetUrl)}">Задать новый пароль</a> — ссылка действует ${m.validMinutes} минут и только один раз.</p>
<p>Если вы не запрашивали смену пароля, просто проигнорируйте это письмо: пароль останется прежним.</p>
<p style="color:#777">Это письмо отправлено автоматически системой «Ориентир».</p>
</body></html>`;
  return { subject, text, html };
}
