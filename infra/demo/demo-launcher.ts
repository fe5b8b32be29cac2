import fs from 'node:fs';
import path from 'node:path';
import { parseRoadmap } from '@orientir/roadmap-import';
import { buildDemoLaunch } from './demo-cycle.builder';

const SEED = 'test/fixtures/roadmaps/irkutsk-city-2023.txt';

/**
 * Creates the demo cycle once per data folder; a second start shows the same cycle
 * (its workflows are durable) instead of launching another.
 */
/** The seed's region: Irkutsk. */
export const DEMO_TIMEZONE = 'Asia/Irkutsk';

export async function launchDemoCycle(o: {
  root: string;
  apiUrl: string;
  stateFile: string;
  token?: string;
  municipality?: string;
}): Promise<{ cycleId: string; summary: string; executorEmails?: Map<string, string> }> {
  // Every API route needs a caller: the demo acts with a short-lived admin token (see demo-users.ts).
  const auth: Record<string, string> = o.token ? { authorization: `Bearer ${o.token}` } : {};
  if (fs.existsSync(o.stateFile)) {
    const { cycleId } = JSON.parse(fs.readFileSync(o.stateFile, 'utf8')) as { cycleId: string };
    const existing = await fetch(`${o.apiUrl}/api/cycles/${cycleId}`, { headers: auth });
    if (existing.ok) return { cycleId, summary: 'existing demo cycle' };
  }
  const seed = await parseRoadmap(
    { text: fs.readFileSync(path.join(o.root, SEED), 'utf8') },
    { timezone: DEMO_TIMEZONE },
  );
  const demo = buildDemoLaunch(seed, new Date());
  // The coordinator's path: store the roadmap, then launch a cycle from it (undated events wait for dates).
  const query = new URLSearchParams({
    fileName: path.basename(SEED),
    ...(o.municipality ? { municipality: o.municipality } : {}),
  });
  const stored = await call<{ id: string }>(`${o.apiUrl}/api/roadmaps?${query}`, auth, demo.roadmap, 'demo roadmap');
  const body = await call<{ id: string; events: unknown[] }>(
    `${o.apiUrl}/api/roadmaps/${stored.id}/cycles`,
    auth,
    { ...demo.cycle, municipality: o.municipality },
    'demo cycle',
  );
  fs.mkdirSync(path.dirname(o.stateFile), { recursive: true });
  fs.writeFileSync(o.stateFile, JSON.stringify({ cycleId: body.id }));
  return {
    cycleId: body.id,
    executorEmails: demo.executorEmails,
    summary: `seed ${path.basename(SEED)}: ${demo.cycle.schools.length} schools, ${body.events.length} events${demo.awaitingSchedule.length ? `, ${demo.awaitingSchedule.length} awaiting dates (№ ${demo.awaitingSchedule.join(', ')})` : ''}`,
  };
}

async function call<T>(url: string, auth: Record<string, string>, payload: unknown, what: string): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...auth },
    body: JSON.stringify(payload),
  });
  const body = (await response.json()) as T & { message?: string; details?: string[] };
  if (!response.ok)
    throw new Error(`${what} rejected: ${body.message ?? response.status} ${(body.details ?? []).join('; ')}`);
  return body;
}
