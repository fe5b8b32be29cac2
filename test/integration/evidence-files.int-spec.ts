// Evidence files: an upload is staged (scoped to its event and uploader, forgotten after a day unless
// used), and the store activity commits it together with the evidence row, idempotently.
import { randomUUID } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/common';
import { createEventActivities } from '@orientir/activities';
import type { EvidenceInput } from '@orientir/contracts';
import { FILE_STORAGE, type FileStorage } from '@orientir/files';
import { CalendarStore, EventTrackingStore } from '@orientir/persistence';
import { binaryBody, evidenceRecord } from '../support/event-fixtures.util';
import { eventually } from '../support/poll.util';
import { useHarness } from '../support/test-harness';

// Bytes of this file only: other files of the run count uploads by their sha256.
const PDF = Buffer.from(
  `%PDF-1.7\n% evidence-files ${randomUUID()}\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<<>>\n%%EOF\n`,
);
const DAY = 24 * 60 * 60 * 1000;

describe('evidence files', () => {
  const harness = useHarness();
  let eventId: string;
  let cycleId: string;

  beforeAll(async () => {
    const now = Date.now();
    const cycle = await harness.admin
      .post('/api/cycles')
      .send({
        title: 'Файлы отчетов',
        year: new Date(now).getUTCFullYear(),
        timezone: 'Asia/Irkutsk',
        municipality: 'г. Иркутск',
        schools: [{ name: 'МБОУ СОШ № 1', category: 'shnor' }],
        events: [
          {
            number: '1',
            title: 'Методический десант',
            opensAt: new Date(now - 2 * DAY).toISOString(),
            deadline: new Date(now + 20 * DAY).toISOString(),
            executors: [{ name: 'МКУ «ИМЦРО»' }],
          },
        ],
      })
      .expect(201);
    cycleId = cycle.body.id;
    eventId = cycle.body.events[0].id;
    await eventually('the event workflow projected', async () => {
      const { rows } = await harness.db.query('SELECT status FROM event_progress WHERE event_id = $1', [eventId]);
      return rows[0]?.status === 'open' ? true : undefined;
    });
  });

  const upload = async (name: string) =>
    (
      await harness.admin
        .post(`/api/events/${eventId}/files`)
        .attach('file', PDF, { filename: name, contentType: 'application/pdf' })
        .expect(201)
    ).body as { id: string; name: string; state: string; expiresAt: string | null };
  const fileRow = async (id: string) =>
    (await harness.db.query('SELECT state, expires_at FROM stored_files WHERE id = $1', [id])).rows[0] as
      { state: string; expires_at: Date | null } | undefined;
  const evidence = (files: { id: string; name: string }[]): EvidenceInput =>
    evidenceRecord({ evidenceId: randomUUID(), occurrenceIndex: 0, comment: 'Справка приложена', files });

  it('stages an upload, and the store activity commits it with the evidence row once however often it is retried', async () => {
    const staged = await upload('Справка.pdf');
    expect(staged.state).toBe('staged');
    expect(Date.parse(staged.expiresAt!) - Date.now()).toBeGreaterThan(23 * 60 * 60 * 1000);
    expect(await fileRow(staged.id)).toMatchObject({ state: 'staged' });

    const { storeEvidence } = createEventActivities({
      events: harness.apps.worker.get(EventTrackingStore),
      calendar: harness.apps.worker.get(CalendarStore),
    });
    const input = {
      cycleId,
      eventId,
      occurrenceIndex: 0,
      evidence: evidence([{ id: staged.id, name: staged.name }]),
      recordedAt: new Date().toISOString(),
    };
    // The first attempt, a retry after a lost answer, and two racing retries.
    await storeEvidence(input);
    await storeEvidence(input);
    await Promise.all([storeEvidence(input), storeEvidence(input)]);
    const rows = await harness.db.query('SELECT file_ids, file_names FROM event_evidence WHERE id = $1', [
      input.evidence.evidenceId,
    ]);
    expect(rows.rows).toEqual([{ file_ids: [staged.id], file_names: ['Справка.pdf'] }]);
    expect(await fileRow(staged.id)).toEqual({ state: 'committed', expires_at: null });
    const files = await harness.db.query(
      `SELECT count(*)::int AS n FROM stored_files WHERE owner_kind = 'event' AND owner_id = $1`,
      [eventId],
    );
    expect(files.rows[0].n).toBe(1);
  });

  it('stores nothing for an upload that expired while staged, refuses it over HTTP, and sweeps it', async () => {
    const old = await upload('Протокол.pdf');
    await harness.db.query(`UPDATE stored_files SET expires_at = now() - interval '1 minute' WHERE id = $1`, [old.id]);
    const { storeEvidence } = createEventActivities({
      events: harness.apps.worker.get(EventTrackingStore),
      calendar: harness.apps.worker.get(CalendarStore),
    });
    const record = evidence([{ id: old.id, name: old.name }]);
    // Still staged, but past its time: the API refuses it before the workflow sees it.
    const refused = await harness.admin
      .post(`/api/events/${eventId}/evidence`)
      .send({ count: 1, fileIds: [old.id] })
      .expect(400);
    expect(refused.body.details).toEqual([
      `fileIds: файл ${old.id} («Протокол.pdf») не был приложен к отчету в течение суток: загрузите его снова`,
    ]);
    // The next upload sweeps it: the activity then finds no such file and stores nothing, non-retryably.
    const fresh = await upload('Протокол (новый).pdf');
    expect(await fileRow(old.id)).toBeUndefined();
    const failure = await storeEvidence({
      cycleId,
      eventId,
      occurrenceIndex: 0,
      evidence: record,
      recordedAt: new Date().toISOString(),
    }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure).toMatchObject({ nonRetryable: true, message: expect.stringContaining('«Протокол.pdf» не найден') });
    const rows = await harness.db.query('SELECT id FROM event_evidence WHERE id = $1', [record.evidenceId]);
    expect(rows.rows).toEqual([]);

    // Through the API and the event workflow: the fresh upload is committed with its record.
    const state = await harness.admin
      .post(`/api/events/${eventId}/evidence`)
      .send({ count: 1, fileIds: [fresh.id], comment: 'Протокол заседания' })
      .expect(201);
    // The workflow knows only this record (the earlier ones went through the activity alone).
    expect(state.body.evidenceIds).toHaveLength(1);
    expect(await fileRow(fresh.id)).toEqual({ state: 'committed', expires_at: null });
    const detail = await harness.admin.get(`/api/events/${eventId}`).expect(200);
    expect(detail.body.evidence.map((e: { fileNames: string[] }) => e.fileNames)).toEqual(
      expect.arrayContaining([['Протокол (новый).pdf']]),
    );
  });

  it('sweeps the bytes of an expired staged upload unless another upload has the same bytes', async () => {
    const storage = harness.apps.api.get<FileStorage>(FILE_STORAGE);
    const pdf = (tag: string) =>
      Buffer.from(`%PDF-1.7\n% ${tag} ${randomUUID()}\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<<>>\n%%EOF\n`);
    const send = async (bytes: Buffer, name: string) =>
      (
        await harness.admin
          .post(`/api/events/${eventId}/files`)
          .attach('file', bytes, { filename: name, contentType: 'application/pdf' })
          .expect(201)
      ).body as { id: string };
    const shaOf = async (id: string) =>
      (await harness.db.query('SELECT sha256 FROM stored_files WHERE id = $1', [id])).rows[0].sha256 as string;
    const expire = (id: string) =>
      harness.db.query(`UPDATE stored_files SET expires_at = now() - interval '1 minute' WHERE id = $1`, [id]);

    const alone = pdf('alone');
    const shared = pdf('shared');
    const abandoned = await send(alone, 'Брошенный.pdf');
    const expiredCopy = await send(shared, 'Копия.pdf');
    const keptCopy = await send(shared, 'Оригинал.pdf');
    const [aloneSha, sharedSha] = [await shaOf(abandoned.id), await shaOf(keptCopy.id)];
    expect(await shaOf(expiredCopy.id)).toBe(sharedSha);
    expect(await storage.stat(aloneSha)).toEqual({ size: alone.length });
    await expire(abandoned.id);
    await expire(expiredCopy.id);

    await send(pdf('sweeper'), 'Следующий.pdf'); // an upload sweeps the expired ones
    expect(await fileRow(abandoned.id)).toBeUndefined();
    expect(await fileRow(expiredCopy.id)).toBeUndefined();
    expect(await storage.stat(aloneSha)).toBeNull();
    expect(await storage.stat(sharedSha)).toEqual({ size: shared.length });
    const download = await harness.admin
      .get(`/api/files/${keptCopy.id}/content`)
      .buffer(true)
      .parse(binaryBody)
      .expect(200);
    expect(Buffer.compare(download.body as Buffer, shared)).toBe(0);

    // The race: the same bytes uploaded again while their expired copy is swept. Every row left has its bytes.
    const again = pdf('again');
    const old = await send(again, 'Старый.pdf');
    await expire(old.id);
    const racing = await Promise.all([send(again, 'Новый 1.pdf'), send(again, 'Новый 2.pdf')]);
    expect(await fileRow(old.id)).toBeUndefined();
    for (const r of racing) expect(await fileRow(r.id)).toMatchObject({ state: 'staged' });
    expect(await storage.stat(await shaOf(racing[0].id))).toEqual({ size: again.length });
  });
});
