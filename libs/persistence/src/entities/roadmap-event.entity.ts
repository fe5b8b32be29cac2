import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import type { PastOccurrencePolicy, RoadmapIndicator, RoadmapPeriod, SchoolStage } from '@orientir/domain';
import { CycleEntity } from './cycle.entity';

export interface EventExecutorRecord {
  name: string;
  email: string | null;
  /** The directory organisation the name resolved to; absent or null while unmatched. */
  organisationId?: string | null;
}

@Entity('roadmap_events')
@Index(['cycleId', 'number'], { unique: true })
export class RoadmapEventEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'cycle_id' })
  cycleId!: string;

  @ManyToOne(() => CycleEntity, (cycle) => cycle.events, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cycle_id' })
  cycle?: Relation<CycleEntity>; // Relation<>: no decorator metadata, so no circular-import trap

  @Column('text')
  number!: string;

  @Column('text')
  title!: string;

  @Column('timestamptz', { name: 'opens_at' })
  opensAt!: Date;

  @Column('timestamptz')
  deadline!: Date;

  @Column('jsonb', { default: () => "'[]'" })
  executors!: EventExecutorRecord[];

  @Column('text', { nullable: true })
  section!: string | null;

  /** The period the importer parsed; null for events sent as plain dates (one window opensAt..deadline). */
  @Column('jsonb', { nullable: true })
  period!: RoadmapPeriod | null;

  /** The parsed indicator; null: at least one evidence record meets the event. */
  @Column('jsonb', { nullable: true })
  indicator!: RoadmapIndicator | null;

  @Column('text', { name: 'report_form', nullable: true })
  reportForm!: string | null;

  /** The school pipeline stage the event tracks («100% ШНОР провели самодиагностику»). */
  @Column('text', { nullable: true })
  stage!: SchoolStage | null;

  /** The coordinator's choice at launch for occurrences already past: track as late or skip. */
  @Column('text', { name: 'past_policy', default: 'late' })
  pastPolicy!: PastOccurrencePolicy;

  /** Windows a coordinator set by hand (a «По графику» event dated, a period moved), ISO instants. */
  @Column('jsonb', { nullable: true })
  schedule!: EventScheduleWindow[] | null;
}

export interface EventScheduleWindow {
  opensAt: string;
  deadline: string;
}
