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
}
