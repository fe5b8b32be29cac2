import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { EventStatus } from '@orientir/contracts';
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
}
