import { ApplicationFailure } from '@temporalio/activity';
import type { OrientirActivities } from '@orientir/contracts';
import type { EventTrackingPort } from '../activity.ports';
import { buildEventDefinition, stagesDoneAfter } from './event-definition.util';

type EventActivities = Pick<
  OrientirActivities,
  'loadEventDefinition' | 'storeEvidence' | 'amendEvidence' | 'removeEvidence' | 'measureStageCoverage'
>;

/** Thin adapters over the event store: the workflow decides, these read and write rows. */
export function createEventActivities({ events }: { events: EventTrackingPort }): EventActivities {
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
      return buildEventDefinition(source, reminderDaysBefore);
    },
    async storeEvidence(input) {
      await events.insertEvidence(input);
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
