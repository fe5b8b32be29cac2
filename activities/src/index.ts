export * from './create-activities';
export * from './activity.ports';
export { DigestService, digestKey, DUE_SOON_WORKING_DAYS } from './notifications/digest.service';
export { LinkIssuer } from './notifications/link-issuer';
export { buildEventDefinition, stagesDoneAfter, type EventDefinitionInput } from './events/event-definition.util';
export { createEventActivities } from './events/event.activities';
export { createNotificationTimingActivity } from './notifications/notification-timing.activity';
export { createSchoolYearActivities } from './school-year/school-year.activities';
