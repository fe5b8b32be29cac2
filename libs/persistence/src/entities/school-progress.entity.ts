import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { SchoolPipelineState } from '@orientir/domain';
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

  /** When the current stage is due (null: no date); past it and not completed means overdue. */
  @Column('timestamptz', { name: 'due_at', nullable: true })
  dueAt!: Date | null;
}
