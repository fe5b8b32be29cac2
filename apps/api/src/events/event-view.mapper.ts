import {
  expectationText,
  planOccurrences,
  rangeLabel,
  targetFromIndicator,
  type EventStatusCode,
} from '@orientir/domain';
import type { EventEvidenceEntity, EventListRow } from '@orientir/persistence';
import type { EventSummaryView, EvidenceView, OccurrenceView } from './dto/event.view';

/** One event as lists show it: the read model's progress, or the plan before the workflow reports. */
export function toEventSummary({ event, progress, evidenceCount }: EventListRow, timeZone: string): EventSummaryView {
  const target = targetFromIndicator(event.indicator, event.reportForm);
  const planned: OccurrenceView[] = progress?.occurrences?.length
    ? progress.occurrences
    : (event.period ? planOccurrences(event.period, event.indicator, timeZone).occurrences : []).map((o) => ({
        index: o.index,
        label: o.label,
        opensAt: new Date(o.opensAt).toISOString(),
        deadline: new Date(o.deadline).toISOString(),
        status: 'not_started',
        achieved: 0,
        target: target.min,
        coveredSchools: 0,
        evidenceCount: 0,
      }));
  const status: EventStatusCode =
    (progress?.status as EventStatusCode | undefined) ??
    (event.period?.toBeScheduled && !event.schedule?.length ? 'awaiting_schedule' : 'not_started');
  const now = Date.now();
  const next = planned.find((o) => Date.parse(o.deadline) >= now && o.status !== 'met' && o.status !== 'skipped');
  return {
    id: event.id,
    cycleId: event.cycleId,
    number: event.number,
    title: event.title,
    section: event.section,
    // Dated by a coordinator («По графику» no more): the dates set, not the roadmap's words.
    periodText: (!event.schedule?.length && event.period?.text) || rangeLabel(event.opensAt, event.deadline, timeZone),
    opensAt: event.opensAt.toISOString(),
    deadline: event.deadline.toISOString(),
    executors: event.executors.map((x) => x.name),
    status,
    progressPercent: progress?.progressPercent ?? 0,
    occurrencesMet: progress?.occurrencesMet ?? 0,
    occurrencesTracked: progress?.occurrencesTracked ?? planned.length,
    indicatorKind: target.kind,
    indicatorText: event.indicator?.text ?? 'Не менее одного подтверждения исполнения',
    expectation: expectationText(target, event.indicator?.unit ?? null, planned.length > 1),
    reportForm: event.reportForm ?? target.document,
    evidenceCount,
    occurrences: planned,
    nextDeadline: next?.deadline ?? null,
  };
}

export function toEvidenceView(e: EventEvidenceEntity, schoolNames: Map<string, string>): EvidenceView {
  return {
    id: e.id,
    occurrenceIndex: e.occurrenceIndex,
    executor: e.executor,
    recordedByName: e.recordedByName,
    recordedAt: e.recordedAt.toISOString(),
    heldOn: e.heldOn,
    count: e.count,
    link: e.link,
    schoolIds: e.schoolIds,
    schoolNames: e.schoolIds.map((id) => schoolNames.get(id) ?? id),
    comment: e.comment,
    fileIds: e.fileIds,
    fileNames: e.fileNames,
    lateReason: e.lateReason,
    correctedAt: e.correctedAt?.toISOString() ?? null,
    removedAt: e.removedAt?.toISOString() ?? null,
    removedReason: e.removedReason,
  };
}
