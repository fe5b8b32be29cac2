import fs from 'node:fs';
import path from 'node:path';
import { parseRoadmap } from '@orientir/roadmap-import';
import { buildDemoLaunch } from './demo-cycle.builder';
import { assignDemoCurators, importDemoDirectory, send } from './demo-directory.util';

const SEED = 'test/fixtures/roadmaps/irkutsk-city-2023.txt';

/** The seed's region: Irkutsk. */
export const DEMO_TIMEZONE = 'Asia/Irkutsk';

/**
 * Creates the demo cycle once per data folder; a second start shows the same cycle
 * (its workflows are durable) instead of launching another.
 */
export async function launchDemoCycle(o: {
  root: string;
  apiUrl: string;
  stateFile: string;
  token: string;
  municipality: string;
}): Promise<{ cycleId: string; summary: string }> {
  // Every API route needs a caller: the demo acts with a short-lived admin token (see demo-users.ts).
  const auth = { authorization: `Bearer ${o.token}` };
  if (fs.existsSync(o.stateFile)) {
    const { cycleId } = JSON.parse(fs.readFileSync(o.stateFile, 'utf8')) as { cycleId: string };
    const existing = await fetch(`${o.apiUrl}/api/cycles/${cycleId}`, { headers: auth });
    if (existing.ok) return { cycleId, summary: 'existing demo cycle' };
  }
  // The coordinator's path: the department's participants and people into the directory first (a
  // re-import matches what is known), then the roadmap stored and a cycle launched from it, whose
  // executors resolve to the directory's organisations and their contact people.
  const directory = await importDemoDirectory({ root: o.root, apiUrl: o.apiUrl, auth, municipality: o.municipality });
  const seed = await parseRoadmap(
    { text: fs.readFileSync(path.join(o.root, SEED), 'utf8') },
    { timezone: DEMO_TIMEZONE },
  );
  const demo = buildDemoLaunch(seed, new Date());
  const query = new URLSearchParams({ fileName: path.basename(SEED), municipality: o.municipality });
  const stored = await send<{ id: string }>(
    { apiUrl: o.apiUrl, auth },
    `/api/roadmaps?${query}`,
    demo.roadmap,
    'demo roadmap',
  );
  const body = await send<{ id: string; schools: unknown[]; events: unknown[]; executorsWithoutAddressee: string[] }>(
    { apiUrl: o.apiUrl, auth },
    `/api/roadmaps/${stored.id}/cycles`,
    { ...demo.cycle, municipality: o.municipality },
    'demo cycle',
  );
  await assignDemoCurators({ apiUrl: o.apiUrl, auth }, directory, body.id);
  fs.mkdirSync(path.dirname(o.stateFile), { recursive: true });
  fs.writeFileSync(o.stateFile, JSON.stringify({ cycleId: body.id }));
  const silent = body.executorsWithoutAddressee.length
    ? `; нет адресата: ${body.executorsWithoutAddressee.join(', ')}`
    : '';
  return {
    cycleId: body.id,
    summary: `seed ${path.basename(SEED)}: ${body.schools.length} schools, ${body.events.length} events${demo.awaitingSchedule.length ? `, ${demo.awaitingSchedule.length} awaiting dates (№ ${demo.awaitingSchedule.join(', ')})` : ''}; ${directory.summary}${silent}`,
  };
}
