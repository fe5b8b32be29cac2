import {
  DEFAULT_ESCALATION_CHAIN,
  escalationChainProblems,
  escalationKey,
  parseEscalationKey,
  overdueNoticeAt,
  planEscalation,
  planWorkingDayReminders,
} from './working-day-schedule.util';
import {
  RUSSIAN_TIME_ZONES,
  localDateOfInstant,
  localTimeToInstant,
  parseLocalTime,
  zoneOffsetMinutes,
} from './zone-offset.util';

const iso = (ms: number) => new Date(ms).toISOString();
const endOfDayIrkutsk = (date: string) => Date.parse(`${date}T23:59:59.999+08:00`);
const IRKUTSK = { timeZone: 'Asia/Irkutsk' };

describe('zone offsets without the runtime tz database', () => {
  it('agrees with the ICU tz data for every Russian zone on every month of 2023–2027', () => {
    for (const zone of RUSSIAN_TIME_ZONES) {
      for (let year = 2023; year <= 2027; year++) {
        for (let month = 0; month < 12; month++) {
          const instant = Date.UTC(year, month, 15, 12);
          const name = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
            .formatToParts(instant)
            .find((p) => p.type === 'timeZoneName')!.value; // GMT+08:00
          const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
          const icu = m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
          expect([zone, year, month, zoneOffsetMinutes(zone)]).toEqual([zone, year, month, icu]);
        }
      }
    }
  });

  it('turns a local hour into an instant and back', () => {
    expect(iso(localTimeToInstant('2026-12-21', { hour: 9, minute: 0 }, 'Asia/Irkutsk'))).toBe(
      '2026-12-21T01:00:00.000Z',
    );
    expect(iso(localTimeToInstant('2026-12-21', { hour: 9, minute: 30 }, 'Europe/Kaliningrad'))).toBe(
      '2026-12-21T07:30:00.000Z',
    );
    expect(localDateOfInstant(Date.parse('2026-12-20T16:00:00Z'), 'Asia/Irkutsk')).toBe('2026-12-21');
    expect(localDateOfInstant(Date.parse('2026-12-20T15:59:59Z'), 'Asia/Irkutsk')).toBe('2026-12-20');
    expect(zoneOffsetMinutes('Etc/GMT-8')).toBe(480);
    expect(() => localTimeToInstant('2026-12-21', { hour: 9, minute: 0 }, 'America/New_York')).toThrow(
      'Часовой пояс «America/New_York» не из списка российских',
    );
    expect(iso(localTimeToInstant('2026-12-21', { hour: 9, minute: 0 }, 'America/New_York', -300))).toBe(
      '2026-12-21T14:00:00.000Z',
    );
    expect(parseLocalTime('09:00')).toEqual({ hour: 9, minute: 0 });
    expect(parseLocalTime('24:00')).toBeNull();
  });
});

describe('reminders in working days at the local hour', () => {
  it('reminds 7 and 1 working days before a deadline right after the New Year holidays, at 09:00 Irkutsk', () => {
    const reminders = planWorkingDayReminders({
      ...IRKUTSK,
      opensAt: Date.parse('2025-12-01T00:00:00+08:00'),
      deadline: endOfDayIrkutsk('2026-01-12'),
    });
    expect(reminders.map((r) => [r.daysBefore, iso(r.dueAt)])).toEqual([
      [7, '2025-12-22T01:00:00.000Z'],
      [1, '2025-12-30T01:00:00.000Z'],
    ]);
  });

  it('uses a transferred working Saturday as a working day', () => {
    const [reminder] = planWorkingDayReminders({
      ...IRKUTSK,
      opensAt: Date.parse('2025-10-01T00:00:00+08:00'),
      deadline: endOfDayIrkutsk('2025-11-05'),
      daysBefore: [1],
    });
    expect(iso(reminder.dueAt)).toBe('2025-11-01T01:00:00.000Z'); // Saturday 1 November 2025, 09:00 local
  });

  it('sends at the cycle’s own hour and counts its regional holidays', () => {
    const [reminder] = planWorkingDayReminders({
      ...IRKUTSK,
      sendAt: { hour: 10, minute: 30 },
      calendar: { extraDaysOff: ['2026-05-27'] },
      opensAt: Date.parse('2026-05-01T00:00:00+08:00'),
      deadline: endOfDayIrkutsk('2026-05-28'),
      daysBefore: [1],
    });
    expect(iso(reminder.dueAt)).toBe('2026-05-26T02:30:00.000Z');
  });

  it('never plans before the event opens: the first working morning after the opening instead, once', () => {
    const reminders = planWorkingDayReminders({
      ...IRKUTSK,
      opensAt: Date.parse('2026-11-27T12:00:00+08:00'), // Friday noon
      deadline: endOfDayIrkutsk('2026-12-02'),
    });
    expect(reminders.map((r) => [r.daysBefore, iso(r.dueAt)])).toEqual([
      [7, '2026-11-30T01:00:00.000Z'], // Monday 09:00
      [1, '2026-12-01T01:00:00.000Z'],
    ]);
    // An event open only for a few hours: the reminder goes at the opening.
    const short = planWorkingDayReminders({
      ...IRKUTSK,
      opensAt: Date.parse('2026-11-27T12:00:00+08:00'),
      deadline: Date.parse('2026-11-27T18:00:00+08:00'),
    });
    expect(short.map((r) => iso(r.dueAt))).toEqual(['2026-11-27T04:00:00.000Z']);
    expect(planWorkingDayReminders({ ...IRKUTSK, opensAt: 10, deadline: 10 })).toEqual([]);
  });

  it('sends every planned mail on a working day at 09:00 local, for every deadline of 2026', () => {
    const calendarDays: string[] = [];
    for (let d = Date.UTC(2026, 0, 20); d < Date.UTC(2027, 0, 1); d += 86_400_000)
      calendarDays.push(iso(d).slice(0, 10));
    const { WorkingCalendar } = jest.requireActual<typeof import('./working-calendar')>('./working-calendar');
    const calendar = new WorkingCalendar();
    for (const day of calendarDays) {
      const deadline = endOfDayIrkutsk(day);
      const instants = [
        ...planWorkingDayReminders({ ...IRKUTSK, calendar, opensAt: Date.parse('2026-01-01T00:00:00Z'), deadline }).map(
          (r) => r.dueAt,
        ),
        overdueNoticeAt({ ...IRKUTSK, calendar, deadline }),
        ...planEscalation({ ...IRKUTSK, calendar, deadline }).map((e) => e.dueAt),
      ];
      for (const instant of instants) {
        expect(calendar.isWorkingDay(localDateOfInstant(instant, 'Asia/Irkutsk'))).toBe(true);
        expect(iso(instant).slice(11)).toBe('01:00:00.000Z');
      }
    }
  });
});

describe('overdue notice and escalation', () => {
  it('tells of an overdue item the next working day after the deadline', () => {
    expect(iso(overdueNoticeAt({ ...IRKUTSK, deadline: endOfDayIrkutsk('2025-12-30') }))).toBe(
      '2026-01-12T01:00:00.000Z',
    );
    expect(iso(overdueNoticeAt({ ...IRKUTSK, deadline: endOfDayIrkutsk('2025-10-31') }))).toBe(
      '2025-11-01T01:00:00.000Z',
    );
    // A deadline written as the next midnight belongs to the day before.
    expect(iso(overdueNoticeAt({ ...IRKUTSK, deadline: Date.parse('2026-11-27T00:00:00+08:00') }))).toBe(
      '2026-11-27T01:00:00.000Z',
    );
  });

  it('escalates executor → municipal → regional coordinator after N working days', () => {
    const steps = planEscalation({ ...IRKUTSK, deadline: endOfDayIrkutsk('2026-12-25') });
    expect(steps.map((s) => [s.level, iso(s.dueAt)])).toEqual([
      ['executor', '2026-12-28T01:00:00.000Z'],
      ['municipal_coordinator', '2026-12-30T01:00:00.000Z'],
      ['regional_coordinator', '2027-01-12T01:00:00.000Z'], // 31 Dec and the New Year holidays skipped
    ]);
    const custom = planEscalation({
      ...IRKUTSK,
      deadline: endOfDayIrkutsk('2026-12-25'),
      chain: [
        { level: 'executor', afterWorkingDays: 1 },
        { level: 'regional_coordinator', afterWorkingDays: 2 },
      ],
    });
    expect(custom.map((s) => s.level)).toEqual(['executor', 'regional_coordinator']);
  });

  it('names every problem of a chain set per cycle', () => {
    expect(escalationChainProblems(DEFAULT_ESCALATION_CHAIN)).toEqual([]);
    expect(
      escalationChainProblems([
        { level: 'executor', afterWorkingDays: 3 },
        { level: 'municipal_coordinator', afterWorkingDays: 2 },
        { level: 'executor', afterWorkingDays: 0.5 },
        { level: 'mayor' as never, afterWorkingDays: 70 },
      ]),
    ).toEqual([
      'Эскалация, шаг 2: число рабочих дней должно быть больше, чем у шага 1',
      'Эскалация, шаг 3: адресат «исполнитель» уже есть в цепочке',
      'Эскалация, шаг 3: число рабочих дней должно быть целым от 1 до 60, получено 0.5',
      'Эскалация, шаг 4: неизвестный адресат «mayor»',
      'Эскалация, шаг 4: число рабочих дней должно быть целым от 1 до 60, получено 70',
    ]);
    expect(escalationChainProblems([])).toEqual(['Эскалация: цепочка пуста, первым шагом должен быть исполнитель']);
    expect(escalationChainProblems([{ level: 'municipal_coordinator', afterWorkingDays: 2 }])).toEqual([
      'Эскалация, шаг 1: первым шагом должен быть исполнитель (уведомление о просрочке)',
    ]);
  });
});

describe('escalation keys', () => {
  it('name an item and a level, and read back; other notice keys are not escalations', () => {
    const key = escalationKey('2026-05-31T15:59:59.999Z', 'municipal_coordinator');
    expect(key).toBe('2026-05-31T15:59:59.999Z/escalation/municipal_coordinator');
    expect(parseEscalationKey(key)).toEqual({ itemKey: '2026-05-31T15:59:59.999Z', level: 'municipal_coordinator' });
    expect(parseEscalationKey(escalationKey('o3', 'regional_coordinator'))).toEqual({
      itemKey: 'o3',
      level: 'regional_coordinator',
    });
    expect(parseEscalationKey('review_overdue/development_concept/1')).toBeNull();
    expect(parseEscalationKey('o3/escalation/mayor')).toBeNull();
  });
});
