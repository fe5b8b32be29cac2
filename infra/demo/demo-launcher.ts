import fs from 'node:fs';
import path from 'node:path';
import { parseRoadmap } from '@orientir/roadmap-import';
import { buildDemoCycle } from './demo-cycle.builder';

const SEED = 'test/fixtures/roadmaps/irkutsk-city-2023.txt';

/**
 * Creates the demo cycle once per data folder; a second start shows the same cycle
 * (its workflows are durable) instead of launching another.
 */
export async function launchDemoCycle(o: {
  root: string;
  apiUrl: string;
  stateFile: string;
  token?: string;
  municipality?: string;
}): Promise<{ cycleId: string; summary: string }> {
  // Every API route needs a caller: the demo acts with a short-lived admin token (see demo-users.ts).
  const auth: Record<string, string> = o.token ? { authorization: `Bearer ${o.token}` } : {};
  if (fs.existsSync(o.stateFile)) {
    const { cycleId } = JSON.parse(fs.readFileSync(o.stateFile, 'utf8')) as { cycleId: string };
    const existing = await fetch(`${o.apiUrl}/api/cycles/${cycleId}`, { headers: auth });
    if (existing.ok) return { cycleId, summary: 'existing demo cycle' };
  }
  const roadmap = await parseRoadmap(
    { text: fs.readFileSync(path.join(o.root, SEED), 'utf8') },
    { timezone: 'Asia/Irkutsk' },
  );
  const { payload, skipped } = buildDemoCycle(roadmap, new Date());
  const response = await fetch(`${o.apiUrl}/api/cycles`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...auth },
    body: JSON.stringify({ ...payload, municipality: o.municipality }),
  });
  const body = (await response.json()) as { id?: string; message?: string; details?: string[] };
  if (!response.ok || !body.id)
    throw new Error(`demo cycle rejected: ${body.message ?? response.status} ${(body.details ?? []).join('; ')}`);
  fs.mkdirSync(path.dirname(o.stateFile), { recursive: true });
  fs.writeFileSync(o.stateFile, JSON.stringify({ cycleId: body.id }));
  return {
    cycleId: body.id,
    summary: `seed ${path.basename(SEED)}: ${payload.schools.length} schools, ${payload.events.length} events${skipped.length ? `, ${skipped.length} undated skipped` : ''}`,
  };
}
