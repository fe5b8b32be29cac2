import { Column, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { EventStatus } from '@orientir/contracts';

/** Read model projected from the event workflow; dashboards read this, never Temporal. */
@Entity('event_progress')
export class EventProgressEntity {
  @PrimaryColumn('uuid', { name: 'event_id' })
  eventId!: string;

  @Index()
  @Column('uuid', { name: 'cycle_id' })
  cycleId!: string;

  @Column('text', { name: 'workflow_id' })
  workflowId!: string;

  @Column('text')
  status!: EventStatus;

  @Column('int', { name: 'reminders_sent' })
  remindersSent!: number;

  @Column('int')
  sequence!: number;

  /** Why the last projection was stored without its free text (null when it went through whole). */
  @Column('text', { name: 'projection_error', nullable: true })
  projectionError!: string | null;

  @Column('timestamptz', { name: 'changed_at' })
  changedAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
