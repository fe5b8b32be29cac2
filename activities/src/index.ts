export * from './create-activities';
export * from './ports';
export { NotificationService } from './notifications/notification.service';
