import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import type { SchoolCategory } from '@orientir/domain';
import { CycleEntity } from './cycle.entity';

@Entity('schools')
@Index(['cycleId', 'name'], { unique: true })
export class SchoolEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'cycle_id' })
  cycleId!: string;

  @ManyToOne(() => CycleEntity, (cycle) => cycle.schools, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cycle_id' })
  cycle?: Relation<CycleEntity>; // Relation<>: no decorator metadata, so no circular-import trap

  @Column('text')
  name!: string;

  @Column('text')
  category!: SchoolCategory;

  @Column('text', { nullable: true })
  municipality!: string | null;

  @Column('text', { array: true, default: () => "'{}'" })
  emails!: string[];
}
