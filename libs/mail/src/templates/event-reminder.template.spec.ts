import { renderEventReminder } from './event-reminder.template';

describe('renderEventReminder', () => {
  const mail = renderEventReminder({
    recipientName: 'МКУ «ИМЦРО»',
    eventNumber: '7',
    eventTitle: 'Разработка ШНОР концептуальных документов <script>',
    cycleTitle: 'Дорожная карта г. Иркутска 2023',
    deadline: new Date('2023-05-31T15:59:59Z'), // 23:59:59 in Irkutsk
    timezone: 'Asia/Irkutsk',
    actionUrl: 'http://localhost:3000/events/abc',
  });

  it('writes a Russian subject with the local deadline', () => {
    expect(mail.subject).toBe('Напоминание: мероприятие № 7 — срок 31 мая 2023 г.');
  });

  it('states the deadline once, without a doubled full stop after «г.»', () => {
    expect(mail.text).toContain('Срок исполнения: 31 мая 2023 г.\n');
    expect(mail.text).not.toContain('г..');
    expect(mail.html).not.toContain('г.</b>.');
  });

  it('promises nothing the product cannot do yet (no evidence upload)', () => {
    for (const body of [mail.text, mail.html]) expect(body).not.toMatch(/приложить|материал|подтвержда/i);
  });

  it('gives the link to act in both bodies and escapes HTML', () => {
    expect(mail.text).toContain('http://localhost:3000/events/abc');
    expect(mail.html).toContain('href="http://localhost:3000/events/abc"');
    expect(mail.html).toContain('&lt;script&gt;');
    expect(mail.html).not.toContain('<script>');
  });
});
