import { CycleErrorCode, CycleException } from './cycle.exception';
import type { CreateCycleDto } from './dto/create-cycle.dto';

/** Cross-field checks that DTO decorators cannot express; each names the row. */
export function assertConsistentCycle(dto: CreateCycleDto): void {
  const backwards = dto.events.flatMap((e, i) =>
    Date.parse(e.deadline) <= Date.parse(e.opensAt)
      ? [`events[${i}] (№ ${e.number}): срок «${e.deadline}» должен быть позже начала «${e.opensAt}»`]
      : [],
  );
  if (backwards.length) {
    throw new CycleException(CycleErrorCode.INVALID_EVENT_PERIOD, 'Сроки мероприятий заданы неверно', backwards);
  }
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
