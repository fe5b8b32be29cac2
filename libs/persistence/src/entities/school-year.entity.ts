import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { RiskDirection } from '@orientir/contracts';

/** One step of a school's year (read model, projected from the school workflow; one row per step). */
@Entity('school_timeline')
export class SchoolTimelineEntity {
  @PrimaryColumn('uuid', { name: 'school_id' })
  schoolId!: string;

  @PrimaryColumn('int')
  step!: number;

  @Column('uuid', { name: 'cycle_id' })
  cycleId!: string;

  @Column('text', { name: 'workflow_id' })
  workflowId!: string;

  @Column('timestamptz')
  at!: Date;

  @Column('text')
  action!: string;

  @Column('text')
  stage!: string;

  @Column('int')
  round!: number;

  @Column('uuid', { name: 'actor_user_id', nullable: true })
  actorUserId!: string | null;

  @Column('text', { name: 'actor_name', nullable: true })
  actorName!: string | null;

  @Column('text', { name: 'document_key', nullable: true })
  documentKey!: string | null;

  @Column('text', { nullable: true })
  remarks!: string | null;

  @Column('jsonb', { default: () => "'[]'" })
  files!: { fileId: string; fileName: string | null }[];

  @Column('jsonb', { default: () => "'{}'" })
  details!: Record<string, unknown>;
}

export type CheckpointRhythm = 'quarterly' | 'dates';

/** A cycle's settings for its schools' years; edited before launch, read by each school workflow at start. */
@Entity('cycle_school_settings')
export class CycleSchoolSettingsEntity {
  @PrimaryColumn('uuid', { name: 'cycle_id' })
  cycleId!: string;

  /** Null: the ten directions of the 500+ programme. */
  @Column('jsonb', { name: 'risk_directions', nullable: true })
  riskDirections!: RiskDirection[] | null;

  /** Stage → local date (YYYY-MM-DD, due at the end of that day in the cycle's zone). */
  @Column('jsonb', { name: 'due_dates', default: () => "'{}'" })
  dueDates!: Record<string, string>;

  @Column('int', { name: 'review_working_days', default: 10 })
  reviewWorkingDays!: number;

  @Column('text', { name: 'checkpoint_rhythm', default: 'quarterly' })
  checkpointRhythm!: CheckpointRhythm;

  /** Local dates of the checkpoints when the rhythm is `dates`. */
  @Column('jsonb', { name: 'checkpoint_dates', default: () => "'[]'" })
  checkpointDates!: string[];

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
