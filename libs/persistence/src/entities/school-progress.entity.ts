import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { SchoolPipelineState } from '@orientir/domain';
import type { PersonRef, SchoolYearState } from '@orientir/contracts';
import { ProjectionRowColumns } from './projection-row.columns';

/** Read model projected from the school workflow. */
@Entity('school_progress')
export class SchoolProgressEntity extends ProjectionRowColumns {
  @PrimaryColumn('uuid', { name: 'school_id' })
  schoolId!: string;

  @Column('text')
  stage!: SchoolPipelineState;

  @Column('int')
  round!: number;

  @Column('text', { name: 'last_remarks', nullable: true })
  lastRemarks!: string | null;

  /** Due instant of the current stage (after any extension). */
  @Column('timestamptz', { name: 'due_at', nullable: true })
  dueAt!: Date | null;

  @Column('boolean', { default: false })
  overdue!: boolean;

  /** Something is back with the school («На доработке»). */
  @Column('boolean', { default: false })
  rework!: boolean;

  @Column('jsonb', { nullable: true })
  curator!: PersonRef | null;

  /** The workflow's whole state at this sequence (null for rows of the first, five-click workflow). */
  @Column('jsonb', { nullable: true })
  state!: SchoolYearState | null;
}
