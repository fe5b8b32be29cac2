import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { Document, Packer, Paragraph } from 'docx';
import { DOCUMENT_FILE_POLICY, FileErrorCode, FilesService } from '@orientir/files';
import { clientWith, type ApiClient } from '../support/auth-clients';
import { useHarness } from '../support/test-harness';

const DAY = 24 * 3600 * 1000;
const MUNICIPALITY = `Файловый район ${randomUUID().slice(0, 8)}`;
const PDF = Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<<>>\n%%EOF\n');
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');

interface CycleBody {
  id: string;
  schools: { id: string; name: string; directorySchoolId: string }[];
}
interface FileBody {
  id: string;
  name: string;
  size: number;
  contentType: string;
  sha256: string;
  ownerKind: string;
  ownerId: string;
  purpose: string | null;
  contentUrl: string;
}

describe('files: school documents uploaded, content-addressed, typed from the bytes, downloaded within scope', () => {
  const harness = useHarness();
  let cycle: CycleBody;
  let schoolA: CycleBody['schools'][number];
  let schoolB: CycleBody['schools'][number];
  let coordinator: ApiClient;
  let teamA: ApiClient;
  let teamB: ApiClient;
  let curatorA: ApiClient;
  let outsider: ApiClient;
  let uploaded: FileBody;
  const uploadUrl = () => `/api/cycles/${cycle.id}/schools/${schoolA.id}/files`;

  beforeAll(async () => {
    const { apps } = harness;
    coordinator = await clientWith(apps, [
      { role: 'municipal_coordinator', scopeKind: 'municipality', scopeValue: MUNICIPALITY },
    ]);
    outsider = await clientWith(apps, [
      { role: 'municipal_coordinator', scopeKind: 'municipality', scopeValue: `Другой район ${randomUUID()}` },
    ]);
    const now = Date.now();
    cycle = (
      await coordinator
        .post('/api/cycles')
        .send({
          title: 'Цикл с документами',
          year: 2026,
          timezone: 'Asia/Irkutsk',
          municipality: MUNICIPALITY,
          schools: [
            { name: 'МБОУ «СОШ № 1»', category: 'shnor' },
            { name: 'МБОУ «СОШ № 2»', category: 'shnor' },
          ],
          events: [
            {
              number: '1',
              title: 'Самодиагностика',
              opensAt: new Date(now + DAY).toISOString(),
              deadline: new Date(now + 30 * DAY).toISOString(),
              executors: [{ name: 'МКУ «ИМЦРО»' }],
            },
          ],
        })
        .expect(201)
    ).body as CycleBody;
    [schoolA, schoolB] = cycle.schools;
    const grant = (role: 'school_team' | 'curator', school: typeof schoolA) => [
      { role, scopeKind: 'school' as const, scopeValue: school.directorySchoolId },
    ];
    teamA = await clientWith(apps, grant('school_team', schoolA));
    teamB = await clientWith(apps, grant('school_team', schoolB));
    curatorA = await clientWith(apps, grant('curator', schoolA));
  });

  it('stores an upload with its Russian name, detected type, owner and uploader, and lists it', async () => {
    const res = await teamA
      .post(uploadUrl())
      .field('purpose', 'concept')
      .attach('file', PDF, { filename: 'Концепция развития школы.pdf', contentType: 'application/octet-stream' })
      .expect(201);
    uploaded = res.body as FileBody;
    expect(uploaded).toMatchObject({
      name: 'Концепция развития школы.pdf',
      size: PDF.length,
      contentType: 'application/pdf',
      ownerKind: 'school',
      ownerId: schoolA.id,
      purpose: 'concept',
    });
    const row = await harness.db.query(
      'SELECT sha256, size, content_type, original_name, uploaded_by, owner_kind, owner_id FROM stored_files WHERE id = $1',
      [uploaded.id],
    );
    expect(row.rows[0]).toMatchObject({
      sha256: uploaded.sha256,
      size: String(PDF.length),
      original_name: 'Концепция развития школы.pdf',
      uploaded_by: teamA.account?.userId,
      owner_id: schoolA.id,
    });
    const list = await curatorA.get(`${uploadUrl()}?purpose=concept`).expect(200);
    expect((list.body as FileBody[]).map((f) => f.id)).toEqual([uploaded.id]);
  });

  it('keeps the same bytes once on disk however many uploads carry them (a new version is a new row)', async () => {
    const again = await coordinator.post(uploadUrl()).attach('file', PDF, { filename: 'копия.pdf' }).expect(201);
    expect((again.body as FileBody).sha256).toBe(uploaded.sha256);
    expect((again.body as FileBody).id).not.toBe(uploaded.id);
    const dir = harness.apps.config.files.dir;
    const sha = uploaded.sha256;
    expect(fs.readdirSync(path.join(dir, 'sha256', sha.slice(0, 2), sha.slice(2, 4)))).toEqual([sha]);
    const rows = await harness.db.query('SELECT count(*)::int AS n FROM stored_files WHERE sha256 = $1', [sha]);
    expect(rows.rows[0].n).toBe(2);
    expect(fs.readdirSync(path.join(dir, 'staging'))).toEqual([]);
  });

  it('serves the bytes with an RFC 5987 Russian file name to the school, its curator and its coordinator', async () => {
    for (const reader of [teamA, curatorA, coordinator, harness.admin]) {
      const res = await reader
        .get(uploaded.contentUrl)
        .buffer(true)
        .parse((r, done) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .expect(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="${'Концепция развития школы.pdf'.replace(/[^ -~]/g, '?')}"; filename*=UTF-8''${encodeURIComponent('Концепция развития школы.pdf')}`,
      );
      expect(Buffer.compare(res.body as Buffer, PDF)).toBe(0);
    }
    const inline = await curatorA.get(`${uploaded.contentUrl}?disposition=inline`).expect(200);
    expect(inline.headers['content-disposition']).toMatch(/^inline; /);
    await curatorA.get(`${uploaded.contentUrl}?disposition=open`).expect(400);
  });

  it('hides the file from another school and another municipality (404, like a missing one), and says 404 for none', async () => {
    for (const stranger of [teamB, outsider]) {
      const res = await stranger.get(uploaded.contentUrl).expect(404);
      expect(res.body).toMatchObject({ error: 'FILE_NOT_FOUND', message: `Файл ${uploaded.id} не найден` });
      await stranger.get(`/api/files/${uploaded.id}`).expect(404);
    }
    await teamB.get(uploadUrl()).expect(404);
    const missing = randomUUID();
    const res = await teamA.get(`/api/files/${missing}/content`).expect(404);
    expect(res.body.message).toBe(`Файл ${missing} не найден`);
    const audit = await harness.db.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE outcome = 'denied' AND actor_user_id = $1`,
      [teamB.account?.userId],
    );
    expect(audit.rows[0].n).toBeGreaterThan(0);
  });

  it('refuses with 415 naming the detected type, whatever the name says; nothing is stored', async () => {
    const before = await harness.db.query('SELECT count(*)::int AS n FROM stored_files');
    const png = await teamA.post(uploadUrl()).attach('file', PNG, { filename: 'скан.pdf' }).expect(415);
    expect(png.body).toMatchObject({
      error: FileErrorCode.UNSUPPORTED_FILE_TYPE,
      message: 'Файл «скан.pdf» — PNG; допустимы: PDF, DOCX, XLSX, ODT',
    });
    const text = await teamA.post(uploadUrl()).attach('file', Buffer.from('не документ'), 'a.docx').expect(415);
    expect(text.body.message).toContain('текстовый файл');
    const docx = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Программа')] }] }));
    const ok = await teamA.post(uploadUrl()).attach('file', docx, 'Программа.bin').expect(201);
    expect(ok.body.contentType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const after = await harness.db.query('SELECT count(*)::int AS n FROM stored_files');
    expect(after.rows[0].n).toBe(before.rows[0].n + 1);
    expect(fs.readdirSync(path.join(harness.apps.config.files.dir, 'staging'))).toEqual([]);
  });

  it('refuses over 20 MB with 413 while streaming, an empty file with 422, and no file with 400', async () => {
    const big = Buffer.alloc(DOCUMENT_FILE_POLICY.maxBytes + 1024, 0x20);
    PDF.copy(big);
    const res = await teamA.post(uploadUrl()).attach('file', big, 'большой.pdf').expect(413);
    expect(res.body).toMatchObject({
      error: 'FILE_TOO_LARGE',
      message: 'Файл слишком большой: допустимо не более 20 МБ',
    });
    const empty = await teamA.post(uploadUrl()).attach('file', Buffer.alloc(0), 'пусто.pdf').expect(422);
    expect(empty.body.message).toBe('Файл «пусто.pdf» пустой');
    const none = await teamA.post(uploadUrl()).field('purpose', 'concept').expect(400);
    expect(none.body.message).toContain('«file»');
    const badPurpose = await teamA.post(uploadUrl()).field('purpose', 'Концепция!').attach('file', PDF, 'a.pdf');
    expect(badPurpose.status).toBe(400);
    expect(badPurpose.body.details.join('\n')).toContain('purpose');
    expect(fs.readdirSync(path.join(harness.apps.config.files.dir, 'staging'))).toEqual([]);
  });

  it('lets only the school team and coordinators upload: the curator gets 403, another school 404', async () => {
    const curator = await curatorA.post(uploadUrl()).attach('file', PDF, 'a.pdf').expect(403);
    expect(curator.body).toMatchObject({ error: 'ROLE_NOT_ALLOWED' });
    // A coordinator of another municipality does not even see the cycle.
    const foreign = await outsider.post(uploadUrl()).attach('file', PDF, 'a.pdf').expect(404);
    expect(foreign.body).toMatchObject({ error: 'CYCLE_NOT_FOUND' });
    await teamB.post(uploadUrl()).attach('file', PDF, 'a.pdf').expect(404);
  });

  it('serves another owner kind through the same service (what event evidence uses)', async () => {
    const files = harness.apps.api.get(FilesService);
    const ownerId = randomUUID();
    const stored = await files.store(
      Readable.from([PNG]),
      { ownerKind: 'test_evidence', ownerId, originalName: 'фото.png', uploadedBy: null },
      { allowed: ['png', 'jpeg', 'pdf'], maxBytes: 1024 * 1024 },
    );
    expect(stored).toMatchObject({ contentType: 'image/png', ownerKind: 'test_evidence' });
    expect((await files.listByOwner('test_evidence', ownerId)).map((f) => f.id)).toEqual([stored.id]);
    expect(await files.notOwnedBy([stored.id, uploaded.id], 'test_evidence', ownerId)).toEqual([uploaded.id]);
    // No read check registered for this kind: nobody downloads it over HTTP.
    await harness.admin.get(`/api/files/${stored.id}/content`).expect(404);
  });
});
