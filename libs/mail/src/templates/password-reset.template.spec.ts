import { renderPasswordReset } from './password-reset.template';

describe('renderPasswordReset', () => {
  const mail = renderPasswordReset({
    recipientName: 'Иванова <И. И.>',
    resetUrl: 'http://localhost:3000/reset-password?token=orr_abc',
    validMinutes: 60,
  });

  it('is Russian and carries the link and its lifetime', () => {
    expect(mail.subject).toBe('Ориентир: восстановление пароля');
    expect(mail.text).toContain('http://localhost:3000/reset-password?token=orr_abc');
    expect(mail.text).toContain('60 минут');
    expect(mail.html).toContain('Иванова &lt;И. И.&gt;');
  });
});
