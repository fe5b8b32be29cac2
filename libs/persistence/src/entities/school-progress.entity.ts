import { Column, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { SchoolPipelineState } from '@orientir/domain';

/** Read model projected from the school workflow. */
@Entity('school_progress')
export class SchoolProgressEntity {
  @PrimaryColumn('uuid', { name: 'school_id' })
  schoolId!: string;

  @Index()
  @Column('uuid', { name: 'cycle_id' })
  cycleId!: string;

  @Column('text', { name: 'workflow_id' })
  workflowId!: string;

  @Column('text')
  stage!: SchoolPipelineState;

  @Column('int')
  round!: number;

  @Column('text', { name: 'last_remarks', nullable: true })
  lastRemarks!: string | null;

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
