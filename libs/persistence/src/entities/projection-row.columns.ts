import { Column, Index, UpdateDateColumn } from 'typeorm';

/**
 * What every read-model row projected from a workflow carries: its cycle and workflow, and the
 * workflow's `sequence` that makes a projection idempotent and order-safe (see ProgressStore).
 */
export abstract class ProjectionRowColumns {
  @Index()
  @Column('uuid', { name: 'cycle_id' })
  cycleId!: string;

  @Column('text', { name: 'workflow_id' })
  workflowId!: string;

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
