import { renderEventReminder } from './event-reminder.template';

describe('renderEventReminder', () => {
  const mail = renderEventReminder({
    recipientName: 'МКУ «ИМЦРО»',
    eventNumber: '7',
    eventTitle: 'Разработка ШНОР концептуальных документов <script>',
    cycleTitle: 'Дорожная карта г. Иркутска 2023',
    deadline: new Date('2023-05-31T15:59:59Z'), // 23:59:59 in Irkutsk
    timezone: 'Asia/Irkutsk',
    actionUrl: 'http://localhost:3000/m/orm_abc',
    expectation: { indicator: 'Не менее одного нормативно-правового акта', reportForm: 'Приказ' },
    coordinator: { name: 'Петрова А. С.', email: 'petrova@example.ru', phone: null },
    unsubscribeUrl: 'http://localhost:3000/unsubscribe?token=orm_u',
  });

  it('writes a Russian subject with the local deadline', () => {
    expect(mail.subject).toBe('Напоминание: мероприятие № 7 — срок 31 мая 2023 г.');
  });

  it('gives the deadline in the recipient’s zone with the zone named', () => {
    expect(mail.text).toContain('Срок исполнения: 31 мая 2023 г., 23:59 по иркутскому времени\n');
    expect(mail.html).toContain('31 мая 2023 г., 23:59 по иркутскому времени');
    expect(mail.text).not.toContain('г..');
  });

  it('says what is expected and whom to ask', () => {
    expect(mail.text).toContain('Что ожидается (показатель): Не менее одного нормативно-правового акта');
    expect(mail.text).toContain('Форма отчета: Приказ');
    expect(mail.text).toContain('Вопросы — координатору: Петрова А. С., petrova@example.ru.');
    expect(mail.html).toContain('href="mailto:petrova@example.ru"');
  });

  it('gives the one-click link and the unsubscribe link in both bodies and escapes HTML', () => {
    expect(mail.text).toContain('http://localhost:3000/m/orm_abc');
    expect(mail.html).toContain('href="http://localhost:3000/m/orm_abc"');
    expect(mail.text).toContain('Отписаться от необязательных писем: http://localhost:3000/unsubscribe?token=orm_u');
    expect(mail.html).toContain('&lt;script&gt;');
    expect(mail.html).not.toContain('<script>');
  });

  it('attaches the deadline as an all-day calendar entry on the local day', () => {
    expect(mail.attachments).toHaveLength(1);
    const ics = mail.attachments?.[0];
    expect(ics?.filename).toBe('srok.ics');
    expect(ics?.contentType).toMatch(/^text\/calendar/);
    expect(ics?.content).toContain('BEGIN:VCALENDAR');
    expect(ics?.content).toContain('DTSTART;VALUE=DATE:20230531');
    expect(ics?.content).toContain('DTEND;VALUE=DATE:20230601');
    expect(ics?.content).toContain('BEGIN:VALARM');
  });

  it('makes a deadline inside the day a timed entry ending at the deadline (UTC)', () => {
    const timed = renderEventReminder({
      recipientName: 'X',
      eventNumber: '1',
      eventTitle: 'T',
      cycleTitle: 'C',
      deadline: new Date('2023-05-31T10:00:00Z'), // 18:00 in Irkutsk
      timezone: 'Asia/Irkutsk',
      actionUrl: 'http://x/m/1',
    });
    expect(timed.text).toContain('31 мая 2023 г., 18:00 по иркутскому времени');
    expect(timed.attachments?.[0].content).toContain('DTSTART:20230531T090000Z');
    expect(timed.attachments?.[0].content).toContain('DTEND:20230531T100000Z');
  });

  it('greets by name, and a school mailbox (known only by its address) without one', () => {
    expect(mail.text.startsWith('Здравствуйте, МКУ «ИМЦРО»!\n')).toBe(true);
    const mailbox = renderEventReminder({
      recipientName: 'sosh27@school.example',
      eventNumber: '3',
      eventTitle: 'T',
      cycleTitle: 'C',
      deadline: new Date('2023-05-31T15:59:59Z'),
      timezone: 'Asia/Irkutsk',
      actionUrl: 'http://x/m/3',
    });
    expect(mailbox.text.startsWith('Здравствуйте!\n')).toBe(true);
    expect(mailbox.html).toContain('<p>Здравствуйте!</p>');
    expect(mailbox.text).not.toContain('Здравствуйте, sosh27');
  });
});
