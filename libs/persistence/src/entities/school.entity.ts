import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import type { DirectorySchoolCategory } from '@orientir/domain';
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
  /** Per cycle: a school can be ШНОР in 2023 and зона риска in 2024. */
  category!: DirectorySchoolCategory;

  @Column('text', { nullable: true })
  municipality!: string | null;

  /** The school's directory municipality (its own, else the cycle's): what access checks compare. */
  @Column('uuid', { name: 'municipality_id', nullable: true })
  municipalityId!: string | null;

  /** The directory school this participation row is; it carries the school across cycles. */
  @Column('uuid', { name: 'directory_school_id', nullable: true })
  directorySchoolId!: string | null;

  @Column('text', { array: true, default: () => "'{}'" })
  emails!: string[];

  /** Risk directions flagged by a profile imported before launch; null: the coordinator enters it. */
  @Column('text', { name: 'flagged_directions', array: true, nullable: true })
  flaggedDirections!: string[] | null;
}
