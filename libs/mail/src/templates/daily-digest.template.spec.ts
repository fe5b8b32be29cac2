import { renderDailyDigest } from './daily-digest.template';
import { templatePreviews } from './template-previews';

describe('renderDailyDigest', () => {
  const mail = renderDailyDigest({
    recipientName: 'Иванова И. И.',
    day: new Date('2025-01-09T01:00:00Z'),
    timezone: 'Asia/Irkutsk',
    unsubscribeUrl: 'http://o/unsubscribe?token=u',
    cycles: [
      {
        title: 'Карта А',
        coordinator: null,
        overdue: [
          {
            eventId: 'e1',
            number: '3',
            title: 'Самодиагностика',
            deadline: new Date('2025-01-08T15:59:00Z'),
            url: 'http://o/m/1',
          },
        ],
        dueSoon: [
          {
            eventId: 'e2',
            number: '7',
            title: 'Десант <b>',
            deadline: new Date('2025-01-15T15:59:00Z'),
            url: 'http://o/m/2',
          },
        ],
        reviews: [{ schoolName: 'СОШ № 5', round: 2, url: 'http://o/m/3' }],
      },
      { title: 'Пустая карта', overdue: [], dueSoon: [], reviews: [] },
    ],
  });

  it('names the local day and the overdue count in the subject', () => {
    expect(mail.subject).toBe('Ориентир: сводка на 9 января 2025 г. — просрочено: 1 (всего пунктов: 3)');
  });

  it('groups by cycle into overdue, due soon and awaiting review, one link per item', () => {
    const t = mail.text;
    expect(t.indexOf('=== Карта А ===')).toBeLessThan(t.indexOf('Просрочено:'));
    expect(t.indexOf('Просрочено:')).toBeLessThan(t.indexOf('Срок скоро:'));
    expect(t.indexOf('Срок скоро:')).toBeLessThan(t.indexOf('Ждет вашей проверки:'));
    for (const url of ['http://o/m/1', 'http://o/m/2', 'http://o/m/3']) {
      expect(t.split(url)).toHaveLength(2);
      expect(mail.html).toContain(`href="${url}"`);
    }
    expect(t).toContain('СОШ № 5 — экспертиза, раунд 2');
    expect(t).not.toContain('Пустая карта');
    expect(mail.html).toContain('Десант &lt;b&gt;');
  });

  it('puts every listed deadline into one .ics', () => {
    const ics = mail.attachments?.[0]?.content ?? '';
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect(ics).toContain('UID:event-e1@orientir');
    expect(ics).toContain('DTSTART;VALUE=DATE:20250115');
  });
});

describe('templatePreviews', () => {
  it('renders every template with sample data, in Russian, with both bodies', () => {
    const previews = templatePreviews('http://o');
    expect(previews.map((p) => p.id)).toEqual([
      'daily-digest',
      'event-reminder',
      'event-overdue',
      'event-escalation',
      'invitation',
      'password-reset',
    ]);
    const byId = new Map(previews.map((p) => [p.id, p.mail]));
    expect(byId.get('event-overdue')?.subject).toBe('Просрочено: мероприятие № 3 — срок был 27 декабря 2024 г.');
    expect(byId.get('event-escalation')?.text).toContain('Исполнитель не отметил выполнение мероприятия');
    for (const p of previews) {
      expect(p.mail.subject).toMatch(/[а-я]/i);
      expect(p.mail.text.length).toBeGreaterThan(50);
      expect(p.mail.html).toMatch(/^<!doctype html>/);
    }
  });
});
