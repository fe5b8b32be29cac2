import { randomUUID } from 'node:crypto';
import { MailCatcherClient, type CaughtMail } from '../../infra/stack/mail-catcher.service';
import { clientWith, type ApiClient } from '../support/auth-clients';
import { eventually } from '../support/poll.util';
import { useHarness } from '../support/test-harness';
import { testEnv } from '../setup/test-infrastructure';

const DAY = 24 * 3600 * 1000;

interface Addressee {
  id: string;
  fullName: string;
  email: string | null;
}

interface AddresseesBody {
  assigned: Addressee[];
  executors: { name: string; organisationName: string | null; contacts: Addressee[]; addressee: string }[];
  recipients: Addressee[];
}

describe('per-event reminder addressees: the coordinator names who gets an event’s reminders', () => {
  const harness = useHarness();
  const mail = () => new MailCatcherClient(testEnv('mailViewerUrl'));
  const tag = randomUUID().slice(0, 8);
  const municipality = `г. Назначенск-${tag}`;
  const organisation = `МКУ «Методический центр ${tag}»`;
  const contact = `contact-${tag}@example.ru`;
  const assignee = `assignee-${tag}@example.ru`;
  let coordinator: ApiClient;
  let stranger: ApiClient;
  let events: Map<string, string>;
  const person = new Map<string, string>();

  /** The reminder letters the outbox holds for one event, by recipient. */
  const reminders = async (eventId: string) =>
    (
      await harness.db.query<{ recipients: string[] }>(
        `SELECT recipients FROM mail_outbox WHERE kind = 'event-reminder' AND idempotency_key LIKE $1`,
        [`%/event/${eventId}/reminder/%`],
      )
    ).rows.flatMap((r) => r.recipients);
  const letterTo = (address: string, number: string) =>
    eventually<CaughtMail>(`the reminder of event № ${number} to ${address}`, async () =>
      (await mail().list()).find(
        (m) => m.to.some((t) => t.address === address) && m.subject.startsWith(`Напоминание: мероприятие № ${number} `),
      ),
    );
  /** A new window whose deadline is days away: its 7-day reminder is due at once. */
  const reschedule = (eventId: string, deadlines: number[]) =>
    coordinator
      .post(`/api/events/${eventId}/schedule`)
      .send({
        windows: deadlines.map((days) => ({
          opensAt: new Date(Date.now() - DAY).toISOString(),
          deadline: new Date(Date.now() + days * DAY).toISOString(),
        })),
      })
      .expect(200);

  beforeAll(async () => {
    coordinator = await clientWith(harness.apps, [
      { role: 'municipal_coordinator', scopeKind: 'municipality', scopeValue: municipality },
    ]);
    stranger = await clientWith(harness.apps, [
      { role: 'municipal_coordinator', scopeKind: 'municipality', scopeValue: `г. Другой-${tag}` },
    ]);
    const now = Date.now();
    // Deadlines two months away: no reminder is due until a coordinator moves a window.
    const created = await coordinator
      .post('/api/cycles')
      .send({
        title: `Карта ${tag}`,
        year: new Date(now).getUTCFullYear(),
        timezone: 'Asia/Irkutsk',
        municipality,
        schools: [{ name: `МБОУ СОШ № 1 ${tag}`, category: 'shnor', emails: [] }],
        events: ['1', '2'].map((number) => ({
          number,
          title: `Методический десант ${number}`,
          opensAt: new Date(now - DAY).toISOString(),
          deadline: new Date(now + 60 * DAY).toISOString(),
          executors: [{ name: organisation, email: contact }],
        })),
      })
      .expect(201);
    events = new Map((created.body.events as { id: string; number: string }[]).map((e) => [e.number, e.id]));
    await coordinator
      .post('/api/directory/people-import/confirm')
      .send({
        municipality,
        people: [
          { fullName: 'Назначенова Анна Петровна', position: 'методист', email: assignee, organisation },
          { fullName: 'Безпочтова Ольга Ивановна', position: 'методист', organisation },
        ],
      })
      .expect(201);
    await stranger
      .post('/api/directory/people-import/confirm')
      .send({ people: [{ fullName: 'Чужова Мария', email: `other-${tag}@example.ru`, organisation: 'Другой центр' }] })
      .expect(201);
    const rows = await harness.db.query<{ id: string; full_name: string }>(
      `SELECT id, full_name FROM people WHERE full_name IN ('Назначенова Анна Петровна', 'Безпочтова Ольга Ивановна')
           AND organisation_id IN (SELECT id FROM organisations WHERE name = $1)
        UNION SELECT id, full_name FROM people WHERE email = $2`,
      [organisation, `other-${tag}@example.ru`],
    );
    for (const r of rows.rows) person.set(r.full_name, r.id);
    // The workflows run once the launch has started them: a window can be moved from then on.
    for (const id of events.values()) {
      await eventually(`event ${id} running`, async () => {
        const body = (await coordinator.get(`/api/events/${id}`).expect(200)).body as { status: string };
        return body.status === 'open' ? body : undefined;
      });
    }
  });

  it('shows the contact people by default, and only to coordinators of the event’s municipality', async () => {
    const event1 = events.get('1')!;
    const view = (await coordinator.get(`/api/directory/events/${event1}/assignees`).expect(200))
      .body as AddresseesBody;
    expect(view.assigned).toEqual([]);
    expect(view.executors).toHaveLength(1);
    expect(view.executors[0]).toMatchObject({ name: organisation, organisationName: organisation, addressee: 'ok' });
    expect(view.executors[0].contacts.map((p) => p.email)).toEqual(expect.arrayContaining([contact, assignee, null]));
    expect(view.recipients.map((p) => p.email).sort()).toEqual([assignee, contact].sort());

    const hidden = await stranger.get(`/api/directory/events/${event1}/assignees`).expect(404);
    expect(hidden.body.error).toBe('DIRECTORY_EVENT_NOT_FOUND');
    await stranger
      .request('put', `/api/directory/events/${event1}/assignees`)
      .send({ personIds: [person.get('Чужова Мария')] })
      .expect(404);
    await coordinator.get(`/api/directory/events/${randomUUID()}/assignees`).expect(404);
    const badId = await coordinator.get('/api/directory/events/не-uuid/assignees').expect(400);
    expect(badId.body.error).toBe('VALIDATION_FAILED');
  });

  it('refuses people out of scope or without an e-mail, naming the field, and stores nothing', async () => {
    const event1 = events.get('1')!;
    const foreign = await coordinator
      .request('put', `/api/directory/events/${event1}/assignees`)
      .send({ personIds: [person.get('Чужова Мария')] })
      .expect(404);
    expect(foreign.body.details).toEqual([`personIds[0]: ${person.get('Чужова Мария')} нет в справочнике`]);
    const silent = await coordinator
      .request('put', `/api/directory/events/${event1}/assignees`)
      .send({ personIds: [person.get('Назначенова Анна Петровна'), person.get('Безпочтова Ольга Ивановна')] })
      .expect(422);
    expect(silent.body.error).toBe('ASSIGNEE_UNREACHABLE');
    expect(silent.body.details).toEqual(['personIds[1]: у «Безпочтова Ольга Ивановна» нет адреса электронной почты']);
    const invalid = await coordinator
      .request('put', `/api/directory/events/${event1}/assignees`)
      .send({ personIds: ['abc'] })
      .expect(400);
    expect(invalid.body.details.join(' ')).toContain('personIds');
    const stored = await harness.db.query(`SELECT 1 FROM event_assignees WHERE event_id = $1`, [event1]);
    expect(stored.rows).toEqual([]);
  });

  it('an assigned person gets the event’s next reminder instead of the contact people; reset gives it back', async () => {
    const [event1, event2] = [events.get('1')!, events.get('2')!];
    // Only the contact person is left as the organisation's contact: the assignee is named per event.
    await coordinator
      .request('patch', `/api/directory/people/${person.get('Назначенова Анна Петровна')}`)
      .send({ isContact: false })
      .expect(200);
    await coordinator
      .request('put', `/api/directory/events/${event1}/assignees`)
      .send({ personIds: [person.get('Назначенова Анна Петровна')] })
      .expect(204);
    const assigned = (await coordinator.get(`/api/directory/events/${event1}/assignees`).expect(200))
      .body as AddresseesBody;
    expect(assigned.assigned.map((p) => p.email)).toEqual([assignee]);
    expect(assigned.recipients.map((p) => p.email)).toEqual([assignee]);
    const other = (await coordinator.get(`/api/directory/events/${event2}/assignees`).expect(200))
      .body as AddresseesBody;
    expect(other.recipients.map((p) => p.email)).toEqual([contact]);
    const audit = await harness.db.query(
      `SELECT details FROM audit_log WHERE action = 'event.assignees.set' AND target_id = $1`,
      [event1],
    );
    expect(audit.rows.map((r) => r.details)).toEqual([
      { before: [], personIds: [person.get('Назначенова Анна Петровна')] },
    ]);

    await reschedule(event1, [3]);
    await reschedule(event2, [3]);
    await letterTo(assignee, '1');
    await letterTo(contact, '2');
    expect(await reminders(event1)).toEqual([assignee]);
    expect(await reminders(event2)).toEqual([contact]);

    // Back to the default: the next reminder of event 1 goes to the contact people again.
    await coordinator.request('put', `/api/directory/events/${event1}/assignees`).send({ personIds: [] }).expect(204);
    const reset = (await coordinator.get(`/api/directory/events/${event1}/assignees`).expect(200))
      .body as AddresseesBody;
    expect([reset.assigned, reset.recipients.map((p) => p.email)]).toEqual([[], [contact]]);
    await reschedule(event1, [3, 4]);
    await letterTo(contact, '1');
    expect((await reminders(event1)).sort()).toEqual([assignee, contact].sort());
    const toAssignee = (await mail().list()).filter(
      (m) => m.to.some((t) => t.address === assignee) && m.subject.includes(`№ 1 `),
    );
    expect(toAssignee).toHaveLength(1);
  });
});
