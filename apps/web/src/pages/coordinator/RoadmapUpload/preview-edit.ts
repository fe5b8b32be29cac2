// Editing the preview before it is stored: pure functions over the canonical roadmap.
import type { Schemas } from '../../../api/client';

export type Roadmap = Schemas['CanonicalRoadmap'];
export type RoadmapEvent = Schemas['RoadmapEvent'];
export type Warning = Schemas['RoadmapWarning'];

export function replaceEvent(roadmap: Roadmap, index: number, event: RoadmapEvent): Roadmap {
  return { ...roadmap, events: roadmap.events.map((e, i) => (i === index ? event : e)) };
}

export function removeEvent(roadmap: Roadmap, index: number): Roadmap {
  const removed = roadmap.events[index];
  return {
    ...roadmap,
    events: roadmap.events.filter((_, i) => i !== index),
    // The row's warnings go with it.
    warnings: removed ? roadmap.warnings.filter((w) => w.row !== removed.sourceRow) : roadmap.warnings,
  };
}

/** A new row after the last, numbered one past the highest whole number; undated until set. */
export function addEvent(roadmap: Roadmap): Roadmap {
  const highest = roadmap.events.reduce((max, e) => Math.max(max, Number.parseInt(e.number, 10) || 0), 0);
  const number = String(highest + 1);
  const event: RoadmapEvent = {
    number,
    section: roadmap.events.at(-1)?.section ?? null,
    title: '',
    period: {
      start: null,
      end: null,
      occurrences: [],
      recurrence: null,
      wholeCycle: false,
      toBeScheduled: true,
      text: 'По графику',
    },
    executors: [],
    indicator: { kind: 'text', min: null, per: null, unit: null, text: '' },
    reportForm: null,
    executionNote: null,
    stage: null,
    sourceRow: `добавлено вручную ${number}`,
  };
  return { ...roadmap, events: [...roadmap.events, event] };
}

/** Dates typed by hand replace whatever the period text resolved to. */
export function withPeriodDates(event: RoadmapEvent, start: string, end: string): RoadmapEvent {
  if (!start || !end) {
    return { ...event, period: { ...event.period, start: null, end: null, occurrences: [], toBeScheduled: true } };
  }
  return {
    ...event,
    period: {
      ...event.period,
      start,
      end,
      occurrences: [{ start, end }],
      toBeScheduled: false,
      wholeCycle: false,
      recurrence: null,
    },
  };
}

export function warningsByRow(warnings: readonly Warning[]): Map<string, Warning[]> {
  const map = new Map<string, Warning[]>();
  for (const w of warnings) map.set(w.row, [...(map.get(w.row) ?? []), w]);
  return map;
}

/** Problems that keep the roadmap from being stored, each naming the row. */
export function previewProblems(roadmap: Roadmap): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  roadmap.events.forEach((e) => {
    if (!e.number.trim()) problems.push(`Строка «${e.title.slice(0, 40)}»: не указан номер`);
    if (!e.title.trim()) problems.push(`№ ${e.number}: не указан текст мероприятия`);
    if (e.period.start && e.period.end && e.period.end < e.period.start)
      problems.push(`№ ${e.number}: окончание срока раньше начала`);
    seen.add(e.number);
  });
  if (!roadmap.title.trim()) problems.push('Не указано название дорожной карты');
  if (roadmap.events.length === 0) problems.push('В дорожной карте нет ни одного мероприятия');
  return problems;
}

/** Below this the importer is unsure of a field and the preview asks the coordinator to check it. */
export const CHECK_BELOW = 0.7;

export type ConfidenceField = keyof NonNullable<RoadmapEvent['confidence']>;

/** The fields of an event the importer is unsure of. */
export function unsureFields(event: RoadmapEvent): ConfidenceField[] {
  const c = event.confidence;
  if (!c) return [];
  return (Object.keys(c) as ConfidenceField[]).filter((f) => c[f] < CHECK_BELOW);
}
