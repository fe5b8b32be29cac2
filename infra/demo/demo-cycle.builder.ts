import { DateTime } from 'luxon';
import {
  parsePeriod,
  planCycleFromRoadmap,
  rangeLabel,
  type CanonicalRoadmap,
  type IsoDate,
  type RoadmapEvent,
  type RoadmapPeriod,
} from '@orientir/domain';

/** The demo launch as a coordinator would make it: a stored roadmap, then a cycle from it. */
export interface DemoLaunch {
  /** The seed roadmap, its dates moved to the coming months (POST /api/roadmaps). */
  roadmap: CanonicalRoadmap;
  /**
   * The launch request (POST /api/roadmaps/:id/cycles): the roadmap's own schools, linked at launch to
   * the directory schools the participants file brought (with their e-mails).
   */
  cycle: { title: string };
  /** Events launched waiting for dates («ожидает графика»). */
  awaitingSchedule: string[];
}

/** The demo shows an event waiting for dates: this seed row is launched as «По графику». */
const DEMO_UNSCHEDULED_TITLE = /^Назначение кураторов ШНОР/;

/**
 * Turns an imported seed roadmap into a live demo: its periods move by whole months so that the
 * first deadline falls at least `leadDays` from now (months stay months: «май» becomes a whole
 * month again, split and labelled as the roadmap says), and one event is left «По графику».
 */
export function buildDemoLaunch(seed: CanonicalRoadmap, now: Date, leadDays = 5): DemoLaunch {
  const events = seed.events.map((e) =>
    DEMO_UNSCHEDULED_TITLE.test(e.title) ? { ...e, period: parsePeriod('По графику', { year: seed.year }).period } : e,
  );
  const dated = events.flatMap((e) => (e.period.end ? [e.period.end] : []));
  const firstEnd = dated.reduce((a, b) => (a < b ? a : b), dated[0] ?? `${seed.year}-12-31`);
  const earliest = DateTime.fromJSDate(now, { zone: seed.timezone }).plus({ days: leadDays }).toISODate() as string;
  let months = 0;
  while (shiftDate(firstEnd, months, 'end') < earliest) months += 1;

  const roadmap: CanonicalRoadmap = {
    ...seed,
    year: DateTime.fromISO(seed.events.length ? firstStart(events, seed.year) : `${seed.year}-01-01`)
      .plus({ months })
      .get('year'),
    events: events.map((e) => ({ ...e, period: shiftPeriod(e.period, months, seed.timezone) })),
  };

  const plan = planCycleFromRoadmap(roadmap);
  return {
    roadmap,
    cycle: { title: `Демо: ${plan.title}` },
    awaitingSchedule: plan.awaitingSchedule.map((a) => a.number),
  };
}

function firstStart(events: readonly RoadmapEvent[], year: number): IsoDate {
  const starts = events.flatMap((e) => (e.period.start ? [e.period.start] : []));
  return starts.reduce((a, b) => (a < b ? a : b), starts[0] ?? `${year}-01-01`);
}

/** A start keeps its day; an end on a month's last day stays on the last day of the month it moves to. */
function shiftDate(date: IsoDate, months: number, side: 'start' | 'end'): IsoDate {
  const d = DateTime.fromISO(date, { zone: 'utc' });
  const moved = d.plus({ months });
  const lastDay = side === 'end' && d.day === d.daysInMonth;
  return (lastDay ? moved.endOf('month') : moved).toISODate() as IsoDate;
}

/** The period's dates moved; a plain dated period's text says its new months (recurrences keep theirs). */
function shiftPeriod(period: RoadmapPeriod, months: number, timeZone: string): RoadmapPeriod {
  if (!period.start || !period.end || months === 0) return period;
  const occurrences = period.occurrences.map((o) => ({
    start: shiftDate(o.start, months, 'start'),
    end: shiftDate(o.end, months, 'end'),
  }));
  const start = shiftDate(period.start, months, 'start');
  const end = shiftDate(period.end, months, 'end');
  const label = (s: IsoDate, e: IsoDate) =>
    rangeLabel(
      DateTime.fromISO(s, { zone: timeZone }).toJSDate(),
      DateTime.fromISO(e, { zone: timeZone }).endOf('day').toJSDate(),
      timeZone,
    );
  const text =
    period.recurrence || period.wholeCycle
      ? period.text
      : (occurrences.length > 1 ? occurrences : [{ start, end }]).map((o) => label(o.start, o.end)).join(', ');
  return { ...period, start, end, occurrences, text };
}
