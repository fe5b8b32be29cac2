import { createAccount, sessionClient, type ApiClient } from './auth-clients';
import type { OrientirApps } from './orientir-apps';

/** A tiny valid PDF for uploads (the API checks the type from the bytes). */
export const SAMPLE_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
  'latin1',
);

/**
 * Takes a school at «Рисковый профиль» to expertise through the API, as its people would: the
 * coordinator flags one direction, the school team answers it «не подтверждено» and sends both concept
 * documents. Answers the school's state (documents on review).
 */
export async function schoolToExpertise(
  apps: OrientirApps,
  coordinator: ApiClient,
  cycleId: string,
  schoolId: string,
): Promise<{
  stage: string;
  dueAt: string | null;
  documents: { reviewDueAt: string; versions: { submittedAt: string }[] }[];
}> {
  const team = await sessionClient(
    apps,
    await createAccount(apps, [{ role: 'school_team', scopeKind: 'school', scopeValue: schoolId }]),
  );
  await coordinator
    .post(`/api/schools/${schoolId}/risk-profile`)
    .send({ flaggedDirections: ['low_motivation'] })
    .expect(200);
  await team
    .post(`/api/schools/${schoolId}/self-diagnosis`)
    .send({
      answers: [
        { directionId: 'low_motivation', confirmed: false, justification: 'Мотивация выше 80 %', measures: '' },
      ],
    })
    .expect(200);
  const documents = [];
  for (const key of ['development_concept', 'medium_term_programme']) {
    const file = await team
      .post(`/api/cycles/${cycleId}/schools/${schoolId}/files`)
      .field('purpose', key)
      .attach('file', SAMPLE_PDF, { filename: `${key}.pdf`, contentType: 'application/pdf' })
      .expect(201);
    documents.push({ key, fileId: file.body.id, fileName: `${key}.pdf` });
  }
  return (await team.post(`/api/schools/${schoolId}/documents`).send({ documents }).expect(200)).body;
}
