import { eventDateBounds, localInstant } from '@orientir/domain';
import { CycleErrorCode, CycleException } from './cycle.exception';
import type { CreateCycleDto } from './dto/create-cycle.dto';

/**
 * Event dates read in the cycle's time zone (a date alone: that local day, a deadline its end; see
 * README), within the cycle's year give or take one, each deadline after its opening.
 */
export function resolveEventDates(dto: CreateCycleDto): { opensAt: Date; deadline: Date }[] {
  const bounds = eventDateBounds(dto.year, dto.timezone);
  const problems: string[] = [];
  const dates = dto.events.map((e, i) => {
    const row = `events[${i}] (№ ${e.number})`;
    const opensAt = localInstant(e.opensAt, dto.timezone, 'start');
    const deadline = localInstant(e.deadline, dto.timezone, 'end');
    for (const [field, value, instant] of [
      ['opensAt', e.opensAt, opensAt],
      ['deadline', e.deadline, deadline],
    ] as const) {
      if (!instant) problems.push(`${row}.${field}: дата «${value}» не существует`);
      else if (instant < bounds.from || instant > bounds.to)
        problems.push(
          `${row}.${field}: дата «${value}» вне цикла ${dto.year} года (допустимо с ${dto.year - 1} по ${dto.year + 1} год)`,
        );
    }
    if (opensAt && deadline && deadline <= opensAt)
      problems.push(`${row}: срок «${e.deadline}» должен быть позже начала «${e.opensAt}»`);
    return { opensAt: opensAt ?? new Date(NaN), deadline: deadline ?? new Date(NaN) };
  });
  if (problems.length) {
    throw new CycleException(CycleErrorCode.INVALID_EVENT_PERIOD, 'Сроки мероприятий заданы неверно', problems);
  }
  return dates;
}

/** Cross-field checks that DTO decorators cannot express; each names the row. */
export function assertConsistentCycle(dto: CreateCycleDto): void {
  const repeated = [
    ...repeatedValues(
      dto.events.map((e) => e.number),
      'events.number',
    ),
    ...repeatedValues(
      dto.schools.map((s) => s.name),
      'schools.name',
    ),
  ];
  if (repeated.length) {
    throw new CycleException(
      CycleErrorCode.DUPLICATE_ROW,
      'Номера мероприятий и названия школ должны быть уникальны',
      repeated,
    );
  }
}

function repeatedValues(values: string[], label: string): string[] {
  const seen = new Set<string>();
  return values.flatMap((v, i) => {
    const key = v.trim().toLowerCase();
    const repeated = seen.has(key);
    seen.add(key);
    return repeated ? [`${label}[${i}]: «${v}» повторяется`] : [];
  });
}
