// Issue 11 in the browser: the coordinator enters the risk profile and names the curator; the school
// team fills in the self-diagnosis and uploads its concept documents; the curator returns one with
// remarks, the school resubmits only it, the curator approves; the dashboard shows monitoring.
import { Document, Packer, Paragraph } from 'docx';
import { randomUUID } from 'node:crypto';
import { createAccount, sessionClient, type ApiClient, type TestAccount } from '../support/auth-clients';
import { eventually } from '../support/poll.util';
import { openPage, signIn, startProduct, typeDate, type PersonPage, type Product } from './browser.util';

const MUNICIPALITY = `Ангарский округ ${randomUUID().slice(0, 6)}`;
const DAY = 24 * 3600 * 1000;

/** A small valid one-page PDF (correct xref offsets, so Chromium's viewer opens it). */
function samplePdf(text: string): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${`BT /F1 24 Tf 72 760 Td (${text}) Tj ET`.length} >>\nstream\nBT /F1 24 Tf 72 760 Td (${text}) Tj ET\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(body));
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body);
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

describe('the school year in the browser: documents, two expertise rounds, monitoring', () => {
  let product: Product;
  let coordinator: TestAccount;
  let team: TestAccount;
  let curator: TestAccount;
  let teamApi: ApiClient;
  let cycleId = '';
  let schoolId = '';
  const password = 'Школьный-год-2026!';

  beforeAll(async () => {
    product = await startProduct();
    coordinator = await createAccount(
      product.apps,
      [{ role: 'municipal_coordinator', scopeKind: 'municipality', scopeValue: MUNICIPALITY }],
      password,
    );
    const coordinatorApi = await sessionClient(product.apps, coordinator);
    const now = Date.now();
    const created = await coordinatorApi
      .post('/api/cycles')
      .send({
        title: 'ШНОР 2026/27',
        year: 2026,
        timezone: 'Asia/Irkutsk',
        municipality: MUNICIPALITY,
        schools: [{ name: 'МБОУ «СОШ № 14»', category: 'shnor' }],
        events: [
          {
            number: '1',
            title: 'Самодиагностика ШНОР',
            opensAt: new Date(now + DAY).toISOString(),
            deadline: new Date(now + 20 * DAY).toISOString(),
            executors: [{ name: 'МКУ «ИМЦРО»' }],
          },
        ],
      })
      .expect(201);
    cycleId = created.body.id;
    const school = created.body.schools[0] as { id: string; directorySchoolId: string };
    schoolId = school.id;
    team = await createAccount(
      product.apps,
      [{ role: 'school_team', scopeKind: 'school', scopeValue: school.directorySchoolId }],
      password,
    );
    teamApi = await sessionClient(product.apps, team);
    await eventually('school workflow reported', async () => {
      const view = await teamApi.get(`/api/cycles/${cycleId}`).expect(200);
      return view.body.schools[0].stage === 'risk_profile' ? true : undefined;
    });
    // Made once the (background) launch has started the school, so that the curator is assigned
    // by the coordinator below rather than found in the grants when the workflow starts.
    curator = await createAccount(
      product.apps,
      [{ role: 'curator', scopeKind: 'school', scopeValue: school.directorySchoolId }],
      password,
    );
    await coordinatorApi
      .request('put', `/api/schools/${schoolId}/curator`)
      .send({ userId: curator.userId })
      .expect(200);
  });
  afterAll(async () => {
    await product?.close();
  });

  async function waitForText(p: PersonPage, testId: string, text: string, reload = true): Promise<void> {
    await eventually(`${testId} = ${text}`, async () => {
      if (reload) await p.page.reload();
      const value = await p.page.getByTestId(testId).textContent({ timeout: 10_000 });
      return value === text ? true : undefined;
    });
  }

  async function upload(p: PersonPage, purpose: string, name: string, content: Buffer, mimeType: string) {
    const block = p.page.getByTestId(`document-${purpose}`);
    await block.locator('input[type=file]').setInputFiles({ name, mimeType, buffer: content });
    await block.getByRole('button', { name: 'Загрузить' }).click();
    await block.getByText(`Файл «${name}» загружен`).waitFor();
  }

  it('coordinator: enters the risk profile and extends the deadline on the school page', async () => {
    const p = await openPage(product, 'coordinator-school');
    await signIn(p, product.baseUrl, coordinator.email, password, `/cycles/${cycleId}/schools/${schoolId}`);
    const profile = p.page.getByTestId('risk-profile');
    await profile.getByText('Низкая учебная мотивация обучающихся').click();
    await p.shot('risk-profile');
    await profile.getByRole('button', { name: 'Сохранить рисковый профиль' }).click();
    await waitForText(p, 'school-stage', 'Самодиагностика', false);
    const extend = p.page.getByTestId('extend-deadline');
    await typeDate(extend.getByLabel('Новый срок'), '15.01.2027');
    await extend.getByRole('textbox', { name: 'Причина' }).fill('Школа закрыта на карантин');
    await extend.getByRole('button', { name: 'Продлить срок' }).click();
    await extend.getByText('Срок продлен').waitFor();
    await eventually('new due date shown', async () =>
      (await p.page.getByTestId('school-due').textContent())?.includes('15 января 2027') ? true : undefined,
    );
    await p.shot('deadline-extended');
    expect(p.errors).toEqual([]);
    await p.close();
  });

  it('school team (phone): fills in the self-diagnosis, uploads the concept and the programme, sends them', async () => {
    const p = await openPage(product, 'our-school', true);
    await signIn(p, product.baseUrl, team.email, password);
    await p.page.waitForURL(/\/our-school$/);
    await waitForText(p, 'our-school-stage', 'Самодиагностика');
    const direction = 'Низкая учебная мотивация обучающихся';
    const table = p.page.getByTestId('self-diagnosis');
    await table.getByRole('radio', { name: 'Нет', exact: true }).check();
    await table.getByRole('textbox', { name: `Обоснование: ${direction}` }).fill('Доля мотивированных выше 80 %');
    await p.shot('self-diagnosis');
    await p.page.getByRole('button', { name: 'Отправить самодиагностику' }).click();
    await waitForText(p, 'our-school-stage', 'Концептуальные документы', false);
    await p.shot('documents-empty');
    await upload(
      p,
      'development_concept',
      'Концепция развития СОШ 14.pdf',
      samplePdf('Koncepciya razvitiya'),
      'application/pdf',
    );
    const docx = await Packer.toBuffer(
      new Document({ sections: [{ children: [new Paragraph('Среднесрочная программа развития')] }] }),
    );
    await upload(
      p,
      'medium_term_programme',
      'Программа развития.docx',
      docx,
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    // A scan saved as PNG under a .pdf name is refused, naming what it is.
    const block = p.page.getByTestId('document-development_concept');
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');
    await block
      .locator('input[type=file]')
      .setInputFiles({ name: 'скан.pdf', mimeType: 'application/pdf', buffer: png });
    await block.getByRole('button', { name: 'Загрузить' }).click();
    await block.getByText('Файл «скан.pdf» — PNG; допустимы: PDF, DOCX, XLSX, ODT').waitFor();
    await p.shot('documents-uploaded');
    await p.page.getByRole('button', { name: 'Отправить документы на экспертизу' }).click();
    await waitForText(p, 'our-school-stage', 'Экспертиза', false);
    await p.shot('sent-to-expertise');
    expect(p.errors.filter((e) => !e.includes('415'))).toEqual([]);
    await p.close();
  });

  it('curator: opens the PDF in place, returns the concept with remarks, accepts the programme', async () => {
    const p = await openPage(product, 'curator');
    await signIn(p, product.baseUrl, curator.email, password);
    await p.page.waitForURL(/\/reviews$/);
    const item = p.page.getByTestId('review-item');
    await item.waitFor();
    const concept = item.getByTestId('review-development_concept');
    await concept.getByRole('button', { name: 'Открыть' }).click();
    await concept.locator('iframe.file-preview').waitFor();
    const download = await Promise.all([
      p.page.waitForEvent('download'),
      concept.getByRole('link', { name: 'Скачать' }).click(),
    ]);
    expect(download[0].suggestedFilename()).toBe('Концепция развития СОШ 14.pdf');
    await p.shot('queue-pdf-open');
    await concept.getByRole('radio', { name: 'Вернуть', exact: true }).check();
    await concept.getByRole('textbox').fill('Нет показателей результативности по годам');
    await item.getByTestId('review-medium_term_programme').getByRole('radio', { name: 'Принять', exact: true }).check();
    await p.shot('decisions');
    await item.getByRole('button', { name: 'Отправить решение' }).click();
    await p.page.getByText('Документы возвращены на доработку с замечаниями').waitFor();
    expect(p.errors).toEqual([]);
    await p.close();
  });

  it('school team: sees the remarks, uploads a new version of the returned concept only and resubmits', async () => {
    const p = await openPage(product, 'our-school-round2', true);
    await signIn(p, product.baseUrl, team.email, password);
    await waitForText(p, 'our-school-stage', 'На доработке');
    await p.page
      .getByTestId('document-development_concept')
      .getByText('Нет показателей результативности по годам')
      .waitFor();
    expect(await p.page.getByTestId('document-medium_term_programme').locator('input[type=file]').count()).toBe(0);
    await upload(
      p,
      'development_concept',
      'Концепция развития СОШ 14 (v2).pdf',
      samplePdf('Koncepciya v2'),
      'application/pdf',
    );
    await eventually('two versions listed', async () =>
      (await p.page.getByTestId('document-development_concept').getByTestId('file-row').count()) === 2
        ? true
        : undefined,
    );
    await p.shot('round2-new-version');
    await p.page.getByRole('button', { name: 'Отправить на повторную экспертизу' }).click();
    await waitForText(p, 'our-school-stage', 'Экспертиза, круг 2', false);
    expect(p.errors).toEqual([]);
    await p.close();
  });

  it('curator approves the second round; the dashboard shows the school in monitoring', async () => {
    const p = await openPage(product, 'curator-round2');
    await signIn(p, product.baseUrl, curator.email, password);
    const item = p.page.getByTestId('review-item');
    await item.waitFor();
    await item.getByTestId('review-development_concept').getByText('Версия 2').waitFor();
    // Only the resubmitted document is on review again; the approved programme is not asked twice.
    expect(await item.getByTestId('review-medium_term_programme').count()).toBe(0);
    await item.getByTestId('review-development_concept').getByRole('radio', { name: 'Принять', exact: true }).check();
    await item.getByRole('button', { name: 'Отправить решение' }).click();
    await p.page.getByText('Документы приняты, школа переходит к мониторингу').waitFor();
    await p.shot('approved');
    await p.close();

    const c = await openPage(product, 'coordinator-monitoring');
    await signIn(c, product.baseUrl, coordinator.email, password, `/cycles/${cycleId}`);
    await eventually('monitoring in the matrix', async () => {
      await c.page.reload();
      await c.page.getByTestId('schools-total').waitFor();
      return (await c.page.locator('[aria-label="Мониторинг: текущий"]').count()) === 1 ? true : undefined;
    });
    await c.shot('dashboard-monitoring');
    expect(c.errors).toEqual([]);
    await c.close();
  });
});
