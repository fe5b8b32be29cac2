import { Column, CreateDateColumn, Entity, OneToMany, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import type { EscalationStep } from '@orientir/domain';
import { SchoolEntity } from './school.entity';
import { RoadmapEventEntity } from './roadmap-event.entity';

@Entity('cycles')
export class CycleEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text')
  title!: string;

  @Column('int')
  year!: number;

  /** IANA zone; periods resolve to local dates in it. */
  @Column('text')
  timezone!: string;

  /** The municipality that owns the cycle; null for a region-wide cycle. Access checks hang on it. */
  @Column('text', { nullable: true })
  municipality!: string | null;

  /** The owning municipality in the directory (null: region-wide). */
  @Column('uuid', { name: 'municipality_id', nullable: true })
  municipalityId!: string | null;

  /** Whom an overdue item is escalated to and after how many working days; null: the default chain. */
  @Column('jsonb', { name: 'escalation_chain', nullable: true })
  escalationChain!: EscalationStep[] | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @OneToMany(() => SchoolEntity, (school) => school.cycle)
  schools?: Relation<SchoolEntity[]>;

  @OneToMany(() => RoadmapEventEntity, (event) => event.cycle)
  events?: Relation<RoadmapEventEntity[]>;
}
