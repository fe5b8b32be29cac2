import { ApplicationFailure } from '@temporalio/activity';
import type { OrientirActivities } from '@orientir/contracts';
import type { CalendarPort, EventTrackingPort } from '../activity.ports';
import { buildEventDefinition, stagesDoneAfter } from './event-definition.util';

type EventActivities = Pick<
  OrientirActivities,
  'loadEventDefinition' | 'storeEvidence' | 'amendEvidence' | 'removeEvidence' | 'measureStageCoverage'
>;

/** Thin adapters over the event store: the workflow decides, these read and write rows. */
export function createEventActivities({
  events,
  calendar,
}: {
  events: EventTrackingPort;
  /** The installation's loaded years and a region's extra days: reminders count working days on them. */
  calendar: CalendarPort;
}): EventActivities {
  return {
    async loadEventDefinition({ cycleId, eventId, reminderDaysBefore }) {
      const source = await events.definitionSource(cycleId, eventId);
      if (!source) {
        throw ApplicationFailure.create({
          message: `Мероприятие ${eventId} цикла ${cycleId} не найдено`,
          nonRetryable: true,
          type: 'EventNotFound',
        });
      }
      // Read here, at the workflow's planning step: the answer is recorded, so a replay plans the same.
      return buildEventDefinition(source, reminderDaysBefore, await calendar.overrides());
    },
    /** The evidence row and its files committed together; a retry stores nothing twice. */
    async storeEvidence(input) {
      const { missingFileIds } = await events.insertEvidence(input);
      if (missingFileIds.length) {
        const names = input.evidence.files.filter((f) => missingFileIds.includes(f.id)).map((f) => `«${f.name}»`);
        throw ApplicationFailure.create({
          message: `Файл ${names.join(', ')} не найден: загрузите его снова (неприложенная загрузка хранится сутки)`,
          nonRetryable: true,
          type: 'EvidenceFileMissing',
        });
      }
    },
    async amendEvidence({ eventId, correction, at }) {
      await events.amendEvidence(eventId, correction, at);
    },
    async removeEvidence({ eventId, removal, at }) {
      await events.markEvidenceRemoved(eventId, removal, at);
    },
    async measureStageCoverage({ cycleId, stage }) {
      return events.schoolsAtStages(cycleId, stagesDoneAfter(stage));
    },
  };
}
