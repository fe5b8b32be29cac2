import { planCycleFromRoadmap, type CanonicalRoadmap, type SchoolCategory } from '@orientir/domain';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface DemoCyclePayload {
  title: string;
  year: number;
  timezone: string;
  schools: { name: string; category: SchoolCategory; municipality?: string; emails: string[] }[];
  events: {
    number: string;
    title: string;
    opensAt: string;
    deadline: string;
    executors: { name: string; email: string }[];
  }[];
}

export interface DemoCycle {
  payload: DemoCyclePayload;
  skipped: { number: string; reason: string }[];
}

/**
 * Turns an imported seed roadmap into a live demo: dates shift so that the first deadline falls
 * `leadDays` from now (the first reminders go out at once and the rest follow over the year).
 * Executors get demo addresses so every reminder lands in the mail catcher.
 */
export function buildDemoCycle(roadmap: CanonicalRoadmap, now: Date, leadDays = 5): DemoCycle {
  const plan = planCycleFromRoadmap(roadmap);
  // The demo posts plain windows (POST /api/cycles): an undated event would become a year-long one, so it stays out.
  const dated = plan.events.filter((e) => !e.awaitingSchedule);
  const firstEnd = Math.min(...dated.map((e) => Date.parse(e.deadline)));
  // Whole days, so local midnights stay midnights.
  const shift = Math.ceil((now.getTime() + leadDays * DAY_MS - firstEnd) / DAY_MS) * DAY_MS;
  const shifted = (iso: string) => new Date(Date.parse(iso) + shift).toISOString();

  const addressOf = new Map<string, string>();
  const address = (name: string) => {
    if (!addressOf.has(name)) addressOf.set(name, `executor-${addressOf.size + 1}@demo.orientir.local`);
    return addressOf.get(name) as string;
  };

  const schools = plan.schools.length
    ? plan.schools.map((s, i) => ({
        ...s,
        emails: s.emails.length ? s.emails : [`school-${i + 1}@demo.orientir.local`],
      }))
    : [1, 2, 3].map((n) => ({
        name: `Демонстрационная школа № ${n}`,
        category: 'shnor' as const,
        emails: [`school-${n}@demo.orientir.local`],
      }));

  // Shifted dates: the demo's events are plain windows, not the roadmap's parsed periods.
  const events = dated.map(({ details: _details, awaitingSchedule: _awaiting, sourceNumber: _source, ...e }) => ({
    ...e,
    opensAt: shifted(e.opensAt),
    deadline: shifted(e.deadline),
    executors: (e.executors.length ? e.executors : [{ name: 'Муниципальный координатор' }]).map(({ name }) => ({
      name,
      email: address(name),
    })),
  }));

  return {
    payload: {
      title: `Демо: ${plan.title}`,
      year: firstOpening(events)?.getUTCFullYear() ?? now.getUTCFullYear(),
      timezone: plan.timezone,
      schools,
      events,
    },
    skipped: plan.awaitingSchedule,
  };
}

function firstOpening(events: { opensAt: string }[]): Date | null {
  return events.length ? new Date(Math.min(...events.map((e) => Date.parse(e.opensAt)))) : null;
}
