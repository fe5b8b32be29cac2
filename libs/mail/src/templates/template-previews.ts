// Every letter Orientir sends, rendered with sample data through the same code that sends it:
// what coordinators see on «Шаблоны писем».
import { renderDailyDigest } from './daily-digest.template';
import { renderEventReminder } from './event-reminder.template';
import { renderInvitation } from './invitation.template';
import type { RenderedMail } from './letter.model';
import { renderPasswordReset } from './password-reset.template';

export const TEMPLATE_PREVIEW_IDS = [
  'event-reminder',
  'event-overdue',
  'event-escalation',
  'daily-digest',
  'invitation',
  'password-reset',
] as const;

export interface TemplatePreview {
  id: (typeof TEMPLATE_PREVIEW_IDS)[number];
  title: string;
  /** When it is sent. */
  when: string;
  mail: RenderedMail;
}

const TZ = 'Asia/Irkutsk';
const COORDINATOR = { name: 'Петрова Анна Сергеевна', email: 'petrova@imcro.example.ru', phone: '+7 3952 00-00-00' };

/** Sample instants are fixed, so a preview reads the same every day. */
export function templatePreviews(publicUrl: string): TemplatePreview[] {
  const link = (n: number) => `${publicUrl}/m/orm_primer${n}`;
  const unsubscribeUrl = `${publicUrl}/unsubscribe?token=orm_primer-otpiska`;
  const overdueSample = {
    eventNumber: '3',
    eventTitle: 'Проведение самодиагностики ШНОР',
    cycleTitle: 'Дорожная карта г. Иркутска 2025',
    deadline: new Date('2024-12-27T15:59:00Z'),
    timezone: TZ,
    actionUrl: link(1),
    expectation: { indicator: '100% ШНОР провели самодиагностику', reportForm: 'Справка' },
    coordinator: COORDINATOR,
    unsubscribeUrl,
  };
  return [
    {
      id: 'daily-digest',
      title: 'Ежедневная сводка',
      when: 'Один раз в рабочий день в 09:00 по местному времени, если есть сроки, просрочки или проверки',
      mail: renderDailyDigest({
        recipientName: 'Иванова Ирина Ивановна',
        day: new Date('2025-01-09T01:00:00Z'),
        timezone: TZ,
        unsubscribeUrl,
        cycles: [
          {
            title: 'Дорожная карта г. Иркутска 2025',
            coordinator: COORDINATOR,
            overdue: [
              {
                eventId: 'primer-1',
                number: '3',
                title: 'Проведение самодиагностики ШНОР',
                deadline: new Date('2024-12-27T15:59:00Z'),
                expectation: { indicator: '100% ШНОР провели самодиагностику', reportForm: 'Справка' },
                url: link(1),
              },
            ],
            dueSoon: [
              {
                eventId: 'primer-2',
                number: '7',
                title: 'Методический десант в ШНОР',
                deadline: new Date('2025-01-15T15:59:00Z'),
                expectation: { indicator: 'Не менее 5 методических десантов', reportForm: 'Протокол' },
                url: link(2),
              },
            ],
            reviews: [{ schoolName: 'МБОУ г. Иркутска СОШ № 5', round: 2, url: link(3) }],
          },
        ],
      }),
    },
    {
      id: 'event-reminder',
      title: 'Напоминание о сроке (мгновенная рассылка)',
      when: 'За 7 и за 1 рабочий день до срока — тем, кто выбрал мгновенные письма',
      mail: renderEventReminder({
        recipientName: 'Иванова Ирина Ивановна',
        eventNumber: '7',
        eventTitle: 'Методический десант в ШНОР',
        cycleTitle: 'Дорожная карта г. Иркутска 2025',
        deadline: new Date('2025-01-15T15:59:00Z'),
        timezone: TZ,
        actionUrl: link(2),
        expectation: { indicator: 'Не менее 5 методических десантов', reportForm: 'Протокол' },
        coordinator: COORDINATOR,
        unsubscribeUrl,
      }),
    },
    {
      id: 'event-overdue',
      title: 'Просрочка: уведомление исполнителю',
      when: 'На следующий рабочий день после срока в 09:00 по местному времени (первый шаг цепочки эскалации)',
      mail: renderEventReminder({ ...overdueSample, recipientName: 'Иванова Ирина Ивановна', notice: 'overdue' }),
    },
    {
      id: 'event-escalation',
      title: 'Эскалация координатору',
      when: 'Через заданное в цепочке цикла число рабочих дней после срока — муниципальному, затем региональному координатору',
      mail: renderEventReminder({ ...overdueSample, recipientName: 'Петрова Анна Сергеевна', notice: 'escalation' }),
    },
    {
      id: 'invitation',
      title: 'Приглашение в систему',
      when: 'Когда координатор приглашает человека из справочника',
      mail: renderInvitation({
        recipientName: 'Иванова Ирина Ивановна',
        invitedBy: 'Петрова Анна Сергеевна',
        setPasswordUrl: `${publicUrl}/set-password?token=orr_primer`,
        validHours: 72,
      }),
    },
    {
      id: 'password-reset',
      title: 'Восстановление пароля',
      when: 'По запросу «Забыли пароль?»',
      mail: renderPasswordReset({
        recipientName: 'Иванова Ирина Ивановна',
        resetUrl: `${publicUrl}/reset-password?token=orr_primer`,
        validMinutes: 60,
      }),
    },
  ];
}
