import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
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
}
