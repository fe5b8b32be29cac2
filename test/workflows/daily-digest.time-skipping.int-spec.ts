import { Client } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { DigestService, LinkIssuer, type DigestPort, type NotificationModeValue } from '@orientir/activities';
import { DAILY_DIGEST_WORKFLOW, type DailyDigestResult, type OrientirActivities } from '@orientir/contracts';
import { localParts, type OutgoingMail } from '@orientir/mail';
import { prebuiltWorkflowBundle } from '@orientir/workflow-bundle';
import { testEnv } from '../setup/test-infrastructure';

const TZ = 'Asia/Irkutsk';
const HOUR = 3600 * 1000;
/** 23:59 local (UTC+8) on a date. */
const localEndOfDay = (date: string) => new Date(`${date}T15:59:00Z`);

type Item = Awaited<ReturnType<DigestPort['digestItems']>>[number];

/** The directory and read model as the digest reads them, in memory: the workflow and timing are under test. */
class MemoryPeople implements DigestPort {
  links = 0;
  constructor(
    private readonly items: Item[],
    private readonly people: { id: string; fullName: string; email: string; mode: NotificationModeValue }[],
  ) {}
  async createMagicLink(): Promise<unknown> {
    this.links += 1;
    return {};
  }
  async digestItems(_tz: string, dueBy: Date): Promise<Item[]> {
    return this.items.filter((i) => (i.deadline?.getTime() ?? 0) <= dueBy.getTime());
  }
  async digestRecipients(ids: string[]) {
    return this.people.filter((p) => ids.includes(p.id));
  }
  async modesOf() {
    return new Map<string, NotificationModeValue>();
  }
  async expectationOf() {
    return { indicator: null, reportForm: null };
  }
  async coordinatorContact() {
    return { name: 'Петрова А. С.', email: 'petrova@example.ru', phone: null };
  }
}

/** Once per dedupe key, like the SQL outbox. */
class MemoryOutbox {
  readonly queued = new Map<string, OutgoingMail>();
  async enqueue(mail: OutgoingMail) {
    if (!this.queued.has(mail.dedupeKey)) this.queued.set(mail.dedupeKey, mail);
    return { id: mail.dedupeKey, status: 'pending' };
  }
  async has(key: string) {
    return this.queued.has(key);
  }
}

/**
 * The daily digest over the New Year holidays in Asia/Irkutsk, on the Java time-skipping server.
 * That server has no Schedules, so the test fires the workflow the way the zone's Schedule does
 * (every day at 09:00 local, see libs/temporal digest-schedules) — twice a day, as a caught-up run
 * would — and the Schedule itself is checked against the dev server in test/integration/notifications.
 */
describe('daily digest in Asia/Irkutsk across the New Year holidays (time-skipping)', () => {
  let env: TestWorkflowEnvironment;

  beforeAll(async () => {
    env = await TestWorkflowEnvironment.createTimeSkipping({
      server: { executable: { type: 'existing-path', path: testEnv('testServerPath') } },
    });
  });

  afterAll(async () => {
    await env?.teardown();
  });

  it('sends at 09:00 local, only on working days (a transferred Saturday included), once per person and day', async () => {
    const items: Item[] = [
      // Overdue since December: the digest person has something to read every working day.
      item('a', 'old', '1', localEndOfDay('2026-12-01')),
      // Due on the first working day after the holidays.
      item('a', 'jan', '2', localEndOfDay('2027-01-11')),
      item('b', 'jan', '2', localEndOfDay('2027-01-11')),
      item('c', 'jan', '2', localEndOfDay('2027-01-11')),
    ];
    const people = new MemoryPeople(items, [
      { id: 'a', fullName: 'Иванова И. И.', email: 'a@example.ru', mode: 'digest' },
      { id: 'b', fullName: 'Петров П. П.', email: 'b@example.ru', mode: 'off' },
      { id: 'c', fullName: 'Сидоров С. С.', email: 'c@example.ru', mode: 'instant' },
    ]);
    const outbox = new MemoryOutbox();
    // The region moved a working day onto Saturday 26 December (a transferred working Saturday).
    const calendar = { overrides: async () => ({ extraWorkingDays: ['2026-12-26'] }) };
    const digests = new DigestService(people, outbox, outbox, new LinkIssuer(people, 'http://o'), 'digest', calendar);
    const runsAt: string[] = [];
    // Only the digest's activity: the digest workflow calls nothing else.
    const activities: Pick<OrientirActivities, 'sendDailyDigests'> = {
      async sendDailyDigests(input) {
        runsAt.push(input.at);
        return digests.sendDigests(input);
      },
    };
    const taskQueue = `digest-${Date.now()}`;
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      activities,
      ...(await prebuiltWorkflowBundle()),
    });

    // A plain client: waiting for a result must not let the server skip time (only env.sleep moves it).
    const client = new Client({ connection: env.connection });
    const results: DailyDigestResult[] = [];
    await worker.runUntil(async () => {
      for (let day = Date.parse('2026-12-21T01:00:00Z'); day <= Date.parse('2027-01-15T01:00:00Z'); day += 24 * HOUR) {
        const now = await env.currentTimeMs();
        if (day > now) await env.sleep(day - now);
        for (const run of [1, 2]) {
          results.push(
            await client.workflow.execute(DAILY_DIGEST_WORKFLOW, {
              taskQueue,
              workflowId: `digest-test/${new Date(day).toISOString()}/${run}`,
              args: [{ timezone: TZ }],
            }),
          );
        }
      }
    });

    // Every run happened at 09:00 Irkutsk time, on 26 consecutive local days.
    expect(runsAt).toHaveLength(52);
    for (const at of runsAt) expect(localParts(new Date(at), TZ)).toMatchObject({ hour: 9, minute: 0 });

    const workingDays = [
      ...['2026-12-21', '2026-12-22', '2026-12-23', '2026-12-24', '2026-12-25', '2026-12-26'],
      ...['2026-12-28', '2026-12-29', '2026-12-30'],
      ...['2027-01-11', '2027-01-12', '2027-01-13', '2027-01-14', '2027-01-15'],
    ];
    expect([...new Set(results.filter((r) => r.workingDay).map((r) => r.localDate))]).toEqual(workingDays);
    // 31 December and 1–10 January: holidays and weekends, no digest runs at all.
    expect(results.filter((r) => !r.workingDay).map((r) => r.localDate)).toEqual(
      expect.arrayContaining(['2026-12-27', '2026-12-31', '2027-01-01', '2027-01-08', '2027-01-10']),
    );
    // The second run of each day sent nothing.
    expect(results.filter((_, i) => i % 2 === 1).every((r) => r.sent === 0)).toBe(true);

    const keys = [...outbox.queued.keys()];
    // Exactly one digest per working day for the digest reader…
    expect(keys.filter((k) => k.startsWith('digest/a/'))).toEqual(workingDays.map((d) => `digest/a/${d}`));
    // …only overdue work for the one who opted out (the deadline passed on 11 January)…
    expect(keys.filter((k) => k.startsWith('digest/b/'))).toEqual(
      ['2027-01-12', '2027-01-13', '2027-01-14', '2027-01-15'].map((d) => `digest/b/${d}`),
    );
    // …and nothing for the one who reads each item at once.
    expect(keys.filter((k) => k.startsWith('digest/c/'))).toEqual([]);

    // The deadline after the holidays counts working days: «срок скоро» from 23 December (7 working
    // days before 11 January), not from 4 January as calendar days would have it.
    const listsJan = (d: string) => outbox.queued.get(`digest/a/${d}`)?.text.includes('№ 2. Событие jan') ?? false;
    expect(workingDays.filter(listsJan)[0]).toBe('2026-12-23');
    const dayAfter = outbox.queued.get('digest/a/2027-01-12')!;
    expect(dayAfter.text).toMatch(/Просрочено:\n• № 1\. Событие old[\s\S]*• № 2\. Событие jan/);
    expect(dayAfter.text).toContain('Срок: 11 января 2027 г., 23:59 по иркутскому времени');
    expect(dayAfter.text).toContain('Что ожидается (показатель): Не менее 5 методических десантов');
    expect(dayAfter.text).toContain('Вопросы — координатору: Петрова А. С., petrova@example.ru.');
    expect(dayAfter.subject).toBe('Ориентир: сводка на 12 января 2027 г. — просрочено: 2 (всего пунктов: 2)');
    expect(dayAfter.headers?.['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
  }, 180_000);
});

function item(personId: string, eventId: string, number: string, deadline: Date): Item {
  return {
    personId,
    kind: 'event',
    cycleId: 'c1',
    cycleTitle: 'Дорожная карта г. Иркутска 2026–2027',
    eventId,
    eventNumber: number,
    title: `Событие ${eventId}`,
    deadline,
    status: 'open',
    schoolId: null,
    round: null,
    indicator: 'Не менее 5 методических десантов',
    reportForm: 'Протокол',
  };
}
