// The demo department's directory files, imported the way a coordinator imports them: preview,
// then confirm, over the API. The launch then finds the executors' organisations and their
// contact people there, as for a real department; nothing is written to the database directly.
import fs from 'node:fs';
import path from 'node:path';

/** Schools of the seed's annex with municipality, category and e-mail; then curators and the schools they curate. */
export const DEMO_PARTICIPANTS_FILE = 'infra/demo/demo-participants.csv';
/** A contact person with a demo e-mail for each executor organisation of the seed. */
export const DEMO_PEOPLE_FILE = 'infra/demo/demo-people.csv';

type Auth = Record<string, string>;

interface ImportPreview {
  schools: { status?: string }[];
  curators: { status?: string }[];
  problems: { row: string; message: string }[];
}

interface PeoplePreview {
  people: { status?: string; organisationStatus?: string }[];
  problems: { row: string; column: string | null; message: string }[];
}

export interface DemoDirectory {
  /** The confirmed participants rows; sent again with a cycle id, they assign the curators in that cycle. */
  participants: { municipality: string; schools: object[]; curators: object[] };
  summary: string;
}

/** Imports the participants file and the people file (preview, then confirm) into `municipality`. */
export async function importDemoDirectory(o: {
  root: string;
  apiUrl: string;
  auth: Auth;
  municipality: string;
}): Promise<DemoDirectory> {
  const preview = await upload<ImportPreview>(o, '/api/directory/import', DEMO_PARTICIPANTS_FILE);
  if (preview.problems.length) {
    throw new Error(`${DEMO_PARTICIPANTS_FILE}: ${preview.problems.map((p) => `${p.row}: ${p.message}`).join('; ')}`);
  }
  const participants = {
    municipality: o.municipality,
    schools: preview.schools.map(({ status: _status, ...row }) => row),
    curators: preview.curators.map(({ status: _status, ...row }) => row),
  };
  const stored = await send<{ created: Record<string, number> }>(
    o,
    '/api/directory/import/confirm',
    participants,
    DEMO_PARTICIPANTS_FILE,
  );

  const people = await upload<PeoplePreview>(o, '/api/directory/people-import', DEMO_PEOPLE_FILE);
  if (people.problems.length) {
    throw new Error(
      `${DEMO_PEOPLE_FILE}: ${people.problems.map((p) => `${p.row} ${p.column ?? ''}: ${p.message}`).join('; ')}`,
    );
  }
  const contacts = await send<{ created: { people: number } }>(
    o,
    '/api/directory/people-import/confirm',
    {
      municipality: o.municipality,
      people: people.people.map(({ status: _status, organisationStatus: _organisation, ...row }) => row),
    },
    DEMO_PEOPLE_FILE,
  );
  return {
    participants,
    summary: `directory: ${participants.schools.length} schools, ${participants.curators.length} curators, ${people.people.length} contact people (new: ${stored.created.schools ?? 0} schools, ${(stored.created.people ?? 0) + contacts.created.people} people)`,
  };
}

/** Assigns the file's curators to their schools in the launched cycle (the same rows, confirmed with its id). */
export async function assignDemoCurators(
  o: { apiUrl: string; auth: Auth },
  directory: DemoDirectory,
  cycleId: string,
): Promise<void> {
  await send(o, '/api/directory/import/confirm', { ...directory.participants, cycleId }, 'demo curators');
}

async function upload<T>(
  o: { root: string; apiUrl: string; auth: Auth; municipality: string },
  route: string,
  file: string,
) {
  const form = new FormData();
  form.append('municipality', o.municipality);
  form.append('file', new Blob([fs.readFileSync(path.join(o.root, file))], { type: 'text/csv' }), path.basename(file));
  return answer<T>(await fetch(`${o.apiUrl}${route}`, { method: 'POST', headers: o.auth, body: form }), file);
}

export async function send<T>(o: { apiUrl: string; auth: Auth }, route: string, payload: unknown, what: string) {
  const response = await fetch(`${o.apiUrl}${route}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...o.auth },
    body: JSON.stringify(payload),
  });
  return answer<T>(response, what);
}

async function answer<T>(response: Response, what: string): Promise<T> {
  const body = (await response.json()) as T & { message?: string; details?: string[] };
  if (!response.ok)
    throw new Error(`${what} rejected: ${body.message ?? response.status} ${(body.details ?? []).join('; ')}`);
  return body;
}
