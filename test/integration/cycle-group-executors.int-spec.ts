// Executors that are the cycle's own people, as real roadmaps name them («руководители школ ШНОР»,
// «кураторы ШНОР»): no organisation is made for them, the launch preview and the cycle list them as
// cycle groups with how many they reach, and their reminders go to the ШНОР schools' contacts, school
// teams and the curators assigned in the cycle, never to the risk-zone schools or their curators.
import { randomUUID } from 'node:crypto';
import { DirectoryStore, NotificationStore } from '@orientir/persistence';
import { MailCatcherClient } from '../../infra/stack/mail-catcher.service';
import { clientWith, createAccount, type ApiClient } from '../support/auth-clients';
import { eventually } from '../support/poll.util';
import { useHarness } from '../support/test-harness';
import { testEnv } from '../setup/test-infrastructure';

const DAY = 24 * 3600 * 1000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

interface GroupView {
  kind: 'schools' | 'curators';
  label: string;
  recipients: number | null;
}

describe('cycle-group executors: «руководители школ ШНОР» and «кураторы ШНОР» reach the cycle’s people', () => {
  const harness = useHarness();
  const mail = () => new MailCatcherClient(testEnv('mailViewerUrl'));
  const tag = randomUUID().slice(0, 8);
  const municipality = `г. Группск-${tag}`;
  const school = (n: number) => `МБОУ «СОШ № ${n}» ${tag}`;
  const at = (name: string) => `${name}-${tag}@example.ru`;
  const HEADS = 'руководители школ ШНОР';
  const CURATORS = 'кураторы ШНОР';
  let coordinator: ApiClient;
  let teamEmail: string;

  beforeAll(async () => {
    coordinator = await clientWith(harness.apps, [
      { role: 'municipal_coordinator', scopeKind: 'municipality', scopeValue: municipality },
    ]);
    // School 1 is known to the directory before the launch: its own e-mail, a deputy head as contact
    // person and a school-team account.
    const directory = harness.apps.api.get(DirectoryStore);
    const place = (await directory.ensureMunicipality(municipality)).row;
    const known = (
      await directory.ensureSchool({ municipalityId: place.id, fullName: school(1), email: at('school1') })
    ).row;
    const organisation = (await directory.ensureOrganisation(place.id, school(1), undefined, known.id)).row;
    await directory.ensurePerson({
      fullName: 'Завучева Анна',
      position: 'заместитель директора',
      email: at('deputy1'),
      organisationId: organisation.id,
    });
    teamEmail = (
      await createAccount(harness.apps, [{ role: 'school_team', scopeKind: 'school', scopeValue: known.id }])
    ).email;
  });

  it('launches from a roadmap with no organisation made for them, listed as cycle groups, and mails their people only', async () => {
    const now = Date.now();
    const roadmap = {
      title: `Дорожная карта ${tag}`,
      year: new Date(now).getUTCFullYear(),
      timezone: 'Asia/Irkutsk',
      executorEntities: [],
      warnings: [],
      curators: [],
      schools: [
        { name: school(1), category: 'shnor', municipality: null, emails: [] },
        { name: school(2), category: 'shnor', municipality: null, emails: [at('school2')] },
        { name: school(3), category: 'risk_zone', municipality: null, emails: [at('school3')] },
      ],
      events: [
        {
          number: '1',
          section: null,
          title: `Разработка программ перехода в эффективный режим ${tag}`,
          // Two months away: no reminder until the coordinator moves the window, after curators are named.
          period: {
            start: isoDay(now - DAY),
            end: isoDay(now + 60 * DAY),
            occurrences: [{ start: isoDay(now - DAY), end: isoDay(now + 60 * DAY) }],
            recurrence: null,
            wholeCycle: false,
            toBeScheduled: false,
            text: 'В течение двух месяцев',
          },
          executors: ['координатор', HEADS, CURATORS],
          indicator: { kind: 'document', min: null, per: null, unit: null, document: 'программа', text: 'Программа' },
          reportForm: null,
          executionNote: null,
          stage: null,
          sourceRow: '1',
        },
      ],
    };
    const stored = await coordinator.post('/api/roadmaps').query({ municipality }).send(roadmap).expect(201);

    // The launch preview: cycle groups, counted over the annex (school 1: its e-mail, deputy and team;
    // school 2: its e-mail); the curators are named in the cycle, so their number is not known yet.
    const preview = (await coordinator.get(`/api/roadmaps/${stored.body.id}`).expect(200)).body as {
      executors: { name: string; match: string; addressee: string; group: GroupView | null }[];
    };
    const byName = new Map(preview.executors.map((x) => [x.name, x]));
    expect(byName.get(HEADS)).toMatchObject({
      match: 'group',
      addressee: 'ok',
      group: { kind: 'schools', label: 'школы цикла (ШНОР)', recipients: 4 },
    });
    expect(byName.get(CURATORS)).toMatchObject({
      match: 'group',
      group: { kind: 'curators', label: 'кураторы цикла (ШНОР)', recipients: null },
    });
    expect(byName.get('координатор')).toMatchObject({ match: 'none', group: null });

    const created = await coordinator.post(`/api/roadmaps/${stored.body.id}/cycles`).send({ municipality }).expect(201);
    const cycleId = created.body.id as string;
    const eventId = (created.body.events as { id: string }[])[0].id;
    const made = await harness.db.query(`SELECT name FROM organisations WHERE name = ANY($1)`, [[HEADS, CURATORS]]);
    expect(made.rows).toEqual([]);

    // Curators assigned in the cycle: one to a ШНОР school, one to the risk-zone school.
    const directory = harness.apps.api.get(DirectoryStore);
    const schools = (await coordinator.get(`/api/cycles/${cycleId}`).expect(200)).body.schools as {
      name: string;
      directorySchoolId: string;
    }[];
    const dirId = (n: number) => schools.find((s) => s.name === school(n))!.directorySchoolId;
    for (const [name, email, n] of [
      ['Кураторова Ольга', at('curator-shnor'), 2],
      ['Рискова Мария', at('curator-risk'), 3],
    ] as const) {
      const person = (await directory.ensurePerson({ fullName: name, email, organisationId: null })).row;
      await directory.assignCurator(cycleId, person.id, dirId(n));
    }

    const cycle = (await coordinator.get(`/api/cycles/${cycleId}`).expect(200)).body as {
      unmatchedExecutors: string[];
      executorsWithoutAddressee: string[];
      executorGroups: (GroupView & { name: string })[];
      events: { executorLinks: { name: string; addressee: string; group: GroupView | null }[] }[];
    };
    // «координатор» became an organisation with nobody to mail; the groups are neither unmatched nor silent.
    expect(cycle.unmatchedExecutors).toEqual([]);
    expect(cycle.executorsWithoutAddressee).toEqual(['координатор']);
    expect(cycle.executorGroups).toEqual([
      { name: CURATORS, kind: 'curators', label: 'кураторы цикла (ШНОР)', recipients: 1 },
      { name: HEADS, kind: 'schools', label: 'школы цикла (ШНОР)', recipients: 4 },
    ]);
    expect(cycle.events[0].executorLinks.find((x) => x.name === HEADS)).toMatchObject({ addressee: 'ok' });

    const matched = (
      await coordinator
        .post('/api/directory/executor-matches')
        .send({ municipality, names: [CURATORS], cycleId })
        .expect(200)
    ).body as { group: GroupView }[];
    expect(matched[0].group).toMatchObject({ kind: 'curators', recipients: 1 });

    const expected = [at('school1'), at('deputy1'), teamEmail, at('school2'), at('curator-shnor')].sort();
    const panel = (await coordinator.get(`/api/directory/events/${eventId}/assignees`).expect(200)).body as {
      executors: { name: string; group: GroupView | null; addressee: string }[];
      recipients: { email: string }[];
    };
    expect(panel.recipients.map((r) => r.email).sort()).toEqual(expected);
    expect(panel.executors.find((x) => x.name === CURATORS)).toMatchObject({
      addressee: 'ok',
      group: { recipients: 1 },
    });

    // A window days away: its reminder is due at once, to the groups' people.
    await eventually(`event ${eventId} running`, async () => {
      const body = (await coordinator.get(`/api/events/${eventId}`).expect(200)).body as { status: string };
      return body.status === 'open' ? body : undefined;
    });
    await coordinator
      .post(`/api/events/${eventId}/schedule`)
      .send({
        windows: [{ opensAt: new Date(now - DAY).toISOString(), deadline: new Date(now + 3 * DAY).toISOString() }],
      })
      .expect(200);
    const letters = await eventually('a reminder to each of the groups’ people', async () => {
      const found = (await mail().list()).filter(
        (m) => m.subject.startsWith('Напоминание: мероприятие № 1 ') && `${m.subject}${m.text}`.includes(tag),
      );
      const to = [...new Set(found.flatMap((m) => m.to.map((t) => t.address)))].sort();
      return expected.every((e) => to.includes(e)) ? to : undefined;
    });
    expect(letters).toEqual(expected);
    const queued = await harness.db.query<{ recipients: string[] }>(
      `SELECT recipients FROM mail_outbox WHERE cycle_id = $1 AND kind = 'event-reminder'`,
      [cycleId],
    );
    expect(queued.rows.flatMap((r) => r.recipients).sort()).toEqual(expected);

    // People who read a daily digest instead find the event there: the groups' directory people.
    const items = await harness.apps.api.get(NotificationStore).digestItems('Asia/Irkutsk', new Date(now + 10 * DAY));
    const readers = await harness.db.query<{ email: string }>(`SELECT email FROM people WHERE id = ANY($1::uuid[])`, [
      items.filter((i) => i.eventId === eventId).map((i) => i.personId),
    ]);
    expect(readers.rows.map((r) => r.email).sort()).toEqual([at('deputy1'), at('school2'), at('curator-shnor')].sort());
  });
});
