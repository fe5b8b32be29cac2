export * from './production-calendar.data';
export * from './working-calendar';
export * from './zone-offset.util';
export * from './working-day-schedule.util';
export { isoDateOfEpochDay, epochDayOf } from './calendar-date.util';
export { zoneNameRu } from './zone-name.util';
