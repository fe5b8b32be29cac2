export * from './create-activities';
export * from './activity.ports';
export { NotificationService } from './notifications/notification.service';
