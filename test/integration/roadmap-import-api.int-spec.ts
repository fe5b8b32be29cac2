import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { useHarness } from '../support/test-harness';
import { launchCompleted } from '../support/launch.util';

const SEED = path.resolve(__dirname, '../fixtures/roadmaps/irkutsk-city-2023.txt');

describe('roadmap import over HTTP: preview → confirm → export → cycle', () => {
  const harness = useHarness();
  const http = () => harness.admin;
  const roadmapCount = async () =>
    (await harness.db.query('SELECT count(*)::int AS n FROM roadmaps')).rows[0].n as number;

  it('previews the Irkutsk roadmap without saving, then stores the confirmed version and creates a cycle from it', async () => {
    const before = await roadmapCount();
    const preview = await http()
      .post('/api/roadmaps/import')
      .attach('file', SEED)
      .field('timezone', 'Asia/Irkutsk')
      .expect(201);
    // The approved document numbers its events 1–23.
    expect(preview.body.stats.events).toBe(23);
    expect(preview.body.roadmap.year).toBe(2023);
    expect(preview.body.roadmap.events.map((e: { number: string }) => e.number)).toEqual(
      Array.from({ length: 23 }, (_, i) => String(i + 1)),
    );
    expect(preview.body.stats.stages).toMatchObject({
      self_diagnosis: expect.any(Number),
      expertise: expect.any(Number),
    });
    // Every event says how sure the importer is of each field; the stats count what to check.
    type Confidence = Record<'title' | 'period' | 'executors' | 'indicator', number>;
    const confidences: Confidence[] = preview.body.roadmap.events.map((e: { confidence: Confidence }) => e.confidence);
    const low = confidences.flatMap((c) => Object.values(c)).filter((value) => value < 0.7).length;
    expect(confidences.every((c) => c.title >= 0 && c.period >= 0 && c.executors >= 0 && c.indicator >= 0)).toBe(true);
    expect(preview.body.stats.fieldsToCheck).toBe(low);
    expect(low).toBeLessThan(23 * 4);
    expect(await roadmapCount()).toBe(before);

    // The coordinator fixes a row in the preview before confirming.
    const edited = preview.body.roadmap;
    edited.events[0].title = 'Создание муниципальной рабочей группы (исправлено)';
    const stored = await http()
      .post('/api/roadmaps')
      .query({ fileName: 'irkutsk-city-2023.txt' })
      .send(edited)
      .expect(201);
    expect(await roadmapCount()).toBe(before + 1);
    const audited = await harness.db.query(
      "SELECT actor_email FROM audit_log WHERE action = 'roadmap.create' AND target_id = $1",
      [stored.body.id],
    );
    expect(audited.rows).toEqual([{ actor_email: harness.admin.account!.email }]);

    const fetched = await http().get(`/api/roadmaps/${stored.body.id}`).expect(200);
    expect(fetched.body.roadmap).toEqual(edited);

    const yaml = await http().get(`/api/roadmaps/${stored.body.id}/export`).query({ format: 'yaml' }).expect(200);
    expect(parseYaml(yaml.text)).toEqual(edited);

    const badConfirmation = await http()
      .post(`/api/roadmaps/${stored.body.id}/cycles`)
      .send({ executors: [{ name: 'Отдел образования', organisationId: 'не-uuid' }] })
      .expect(400);
    expect(badConfirmation.body.details.join('\n')).toContain(
      'executors[0].organisationId: поле «organisationId» должно быть идентификатором UUID (получено «не-uuid»)',
    );
    const cycle = await http().post(`/api/roadmaps/${stored.body.id}/cycles`).send({}).expect(201);
    const dated = edited.events.filter((e: { period: { start: string | null } }) => e.period.start).length;
    // Undated events launch too, waiting for dates («ожидает графика»).
    expect(cycle.body.events).toHaveLength(23);
    expect(cycle.body.awaitingScheduleEvents).toHaveLength(23 - dated);
    const launch = await launchCompleted(harness.admin, cycle.body.id, cycle.body.launch.id);
    expect(launch.started).toBe(23 + cycle.body.schools.length);
    expect(cycle.body.events.find((e: { number: string }) => e.number === '1').title).toContain('(исправлено)');
  });

  it('rejects an edited roadmap that breaks the canonical schema, naming the field, and stores nothing', async () => {
    const before = await roadmapCount();
    const res = await http()
      .post('/api/roadmaps')
      .send({
        title: 'Карта',
        year: 'двадцать третий',
        timezone: 'Asia/Irkutsk',
        events: [],
        executorEntities: [],
        schools: [],
        curators: [],
        warnings: [],
      })
      .expect(400);
    expect(res.body.error).toBe('INVALID_CANONICAL');
    expect(res.body.message).toMatch(/year/);
    expect(await roadmapCount()).toBe(before);
  });

  it('answers a binary, an empty file, a corrupted DOCX and an oversized upload with Russian messages', async () => {
    const before = await roadmapCount();
    const binary = await http()
      .post('/api/roadmaps/import')
      .attach('file', Buffer.from([0, 1, 2, 3, 0, 255, 254, 0, 7]), 'scan.bin');
    expect(binary.status).toBeGreaterThanOrEqual(400);
    expect(binary.body.message).toMatch(/[а-яё]/i);

    const corrupted = await http()
      .post('/api/roadmaps/import')
      .attach('file', Buffer.from('PK\u0003\u0004 not really a zip'), 'roadmap.docx');
    expect(corrupted.status).toBe(422);
    expect(corrupted.body.error).toBe('CORRUPTED_FILE');
    expect(corrupted.body.message).toMatch(/[а-яё]/i);

    const big = await http()
      .post('/api/roadmaps/import')
      .attach('file', Buffer.alloc(50 * 1024 * 1024, 'а'), 'huge.txt');
    expect(big.status).toBe(413);
    expect(big.body.message).toMatch(/слишком большой|больше/i);

    const none = await http().post('/api/roadmaps/import').expect(400);
    expect(none.body.message).toMatch(/Файл не передан/);
    expect(await roadmapCount()).toBe(before);
  });

  it('takes schools and curators from a separate XLSX next to the roadmap DOCX', async () => {
    const generated = path.resolve(__dirname, '../fixtures/roadmaps/generated');
    const res = await http()
      .post('/api/roadmaps/import')
      .attach('file', path.join(generated, 'lesosibirsk-2020-2021.docx'))
      .attach('participants', path.join(generated, 'participants.xlsx'))
      .expect(201);
    expect(res.body.stats.events).toBe(14);
    expect(res.body.stats.schools).toBeGreaterThan(0);
    expect(res.body.stats.curators).toBeGreaterThan(0);
    expect(res.body.roadmap.curators[0].schools.length).toBeGreaterThan(0);
  });

  it('reads the same roadmap the CLI reads from the same file', async () => {
    const text = fs.readFileSync(SEED, 'utf8');
    const res = await http()
      .post('/api/roadmaps/import')
      .attach('file', Buffer.from(text, 'utf8'), 'карта.txt')
      .expect(201);
    expect(res.body.fileName).toBe('карта.txt');
  });
});
