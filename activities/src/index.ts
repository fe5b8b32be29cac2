export * from './create-activities';
export * from './activity.ports';
export { NotificationService } from './notifications/notification.service';
export { buildEventDefinition, stagesDoneAfter, type EventDefinitionInput } from './events/event-definition.util';
