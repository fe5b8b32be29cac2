import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { EventControlRecord, EventStatus, OccurrenceProgressRecord } from '@orientir/contracts';
import { ProjectionRowColumns } from './projection-row.columns';

/** Read model projected from the event workflow; dashboards read this, never Temporal. */
@Entity('event_progress')
export class EventProgressEntity extends ProjectionRowColumns {
  @PrimaryColumn('uuid', { name: 'event_id' })
  eventId!: string;

  @Column('text')
  status!: EventStatus;

  @Column('int', { name: 'reminders_sent' })
  remindersSent!: number;

  /** 0..100, the dashboard's bar: mean fulfilment of the occurrences opened so far. */
  @Column('int', { name: 'progress_percent', default: 0 })
  progressPercent!: number;

  @Column('jsonb', { default: () => "'[]'" })
  occurrences!: OccurrenceProgressRecord[];

  @Column('int', { name: 'occurrences_met', default: 0 })
  occurrencesMet!: number;

  @Column('int', { name: 'occurrences_tracked', default: 0 })
  occurrencesTracked!: number;

  @Column('jsonb', { default: () => "'{}'" })
  control!: EventControlRecord;
}
