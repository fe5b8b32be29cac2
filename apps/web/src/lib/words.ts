// The words people see for stages and statuses (design.md §2), and their one colour each.
import {
  EVENT_STATUS_TITLES_RU,
  SCHOOL_STAGES,
  SCHOOL_STAGE_TITLES_RU,
  SCHOOL_YEAR_STAGES,
  type EventStatusCode,
  type SchoolPipelineState,
  type SchoolStage,
  type SchoolYearStage,
} from '@orientir/domain/workflow';

export type { SchoolStage, SchoolYearStage };
/** The read model's stage: a stage of the year, completed, withdrawn, or not_started before the workflow reports. */
export type SchoolState = SchoolPipelineState | 'not_started';

/** The roadmap's five stages (what a roadmap event can be mapped to). */
export const PIPELINE: readonly SchoolStage[] = SCHOOL_STAGES;

/** Every stage of a school's year in order, the risk profile first (the domain's); the matrix columns. */
export const YEAR_STAGES: readonly SchoolYearStage[] = SCHOOL_YEAR_STAGES;

export const STAGE_TITLES: Record<SchoolState, string> = { not_started: 'Не начато', ...SCHOOL_STAGE_TITLES_RU };

export function stageTitle(stage: string): string {
  return STAGE_TITLES[stage as SchoolState] ?? stage;
}

export type EventStatus = EventStatusCode | 'scheduled' | 'closed' | 'skipped';

export const EVENT_STATUS_TITLES: Record<EventStatus, string> = {
  ...EVENT_STATUS_TITLES_RU,
  scheduled: 'Не начато',
  closed: 'Закрыто',
  skipped: 'Пропущено при запуске',
};

export function eventStatusTitle(status: string): string {
  return EVENT_STATUS_TITLES[status as EventStatus] ?? status;
}

/** Gravity UI label themes: done green, current blue, at risk amber, overdue red, not started grey. */
export type Tone = 'success' | 'info' | 'warning' | 'danger' | 'unknown';

export function eventTone(status: string): Tone {
  switch (status) {
    case 'open':
      return 'info';
    case 'at_risk':
    case 'awaiting_schedule':
      return 'warning';
    case 'overdue':
    case 'not_met':
      return 'danger';
    case 'met':
    case 'closed':
      return 'success';
    default:
      return 'unknown';
  }
}

export const CATEGORY_TITLES: Record<string, string> = {
  shnor: 'ШНОР',
  risk_zone: 'Зона риска',
  shnsu: 'ШНСУ',
  other: 'Другая',
};

export const INDICATOR_TITLES: Record<string, string> = {
  count: 'Количество',
  coverage: 'Охват',
  document: 'Документ',
  text: 'Текст',
};

export const TIME_ZONES: { value: string; title: string }[] = [
  { value: 'Europe/Kaliningrad', title: 'Калининград (UTC+2)' },
  { value: 'Europe/Moscow', title: 'Москва (UTC+3)' },
  { value: 'Europe/Samara', title: 'Самара (UTC+4)' },
  { value: 'Asia/Yekaterinburg', title: 'Екатеринбург (UTC+5)' },
  { value: 'Asia/Omsk', title: 'Омск (UTC+6)' },
  { value: 'Asia/Novosibirsk', title: 'Новосибирск (UTC+7)' },
  { value: 'Asia/Krasnoyarsk', title: 'Красноярск (UTC+7)' },
  { value: 'Asia/Irkutsk', title: 'Иркутск (UTC+8)' },
  { value: 'Asia/Yakutsk', title: 'Якутск (UTC+9)' },
  { value: 'Asia/Vladivostok', title: 'Владивосток (UTC+10)' },
  { value: 'Asia/Magadan', title: 'Магадан (UTC+11)' },
  { value: 'Asia/Kamchatka', title: 'Камчатка (UTC+12)' },
];
