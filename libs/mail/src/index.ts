export * from './mail-sender.port';
export * from './nodemailer-mail.sender';
export * from './mail.module';
export * from './templates/event-reminder.template';
export * from './templates/password-reset.template';
export { escapeHtml, formatRussianDate } from './templates/html.util';
export * from './templates/invitation.template';
export * from './templates/school-notice.template';
