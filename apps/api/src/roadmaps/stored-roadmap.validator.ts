import { localInstant, type CanonicalRoadmap } from '@orientir/domain';
import { isTimeZone } from '../common/is-time-zone.validator';

/** The cycle years POST /api/cycles accepts; a stored roadmap must be usable for one. */
const YEARS = { min: 2000, max: 2100 };

/**
 * What the canonical schema cannot say: the zone exists, the year is a cycle year, every date is a
 * real calendar date and no period ends before it starts. Each problem names its field.
 */
export function storedRoadmapProblems(roadmap: CanonicalRoadmap): string[] {
  const problems: string[] = [];
  const zone = isTimeZone(roadmap.timezone) ? roadmap.timezone : null;
  if (!zone) problems.push(`timezone: «${roadmap.timezone}» не является часовым поясом IANA, например Asia/Irkutsk`);
  if (roadmap.year < YEARS.min || roadmap.year > YEARS.max)
    problems.push(`year: ${roadmap.year} вне допустимого диапазона ${YEARS.min}–${YEARS.max}`);
  const checkPeriod = (path: string, start: string | null, end: string | null) => {
    let valid = true;
    for (const [field, value] of [
      ['start', start],
      ['end', end],
    ] as const) {
      if (value !== null && !localInstant(value, zone ?? 'UTC', 'start')) {
        problems.push(`${path}.${field}: даты «${value}» не существует`);
        valid = false;
      }
    }
    if (valid && start && end && end < start) problems.push(`${path}: конец «${end}» раньше начала «${start}»`);
  };
  roadmap.events.forEach((event, i) => {
    const path = `events[${i}] (№ ${event.number}).period`;
    checkPeriod(path, event.period.start, event.period.end);
    event.period.occurrences.forEach((o, j) => checkPeriod(`${path}.occurrences[${j}]`, o.start, o.end));
  });
  return problems;
}
