import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { LaunchFailure, LaunchStatus } from '@orientir/contracts';

/**
 * One launch of a cycle (the first or a relaunch) and its progress, projected by the launch workflow.
 * At most one launch per cycle is pending or running (a partial unique index).
 */
@Entity('cycle_launches')
export class CycleLaunchEntity {
  /** Chosen by the API; names the workflow `cycle/<cycleId>/launch/<id>`. */
  @PrimaryColumn('uuid')
  id!: string;

  @Index()
  @Column('uuid', { name: 'cycle_id' })
  cycleId!: string;

  @Column('text', { name: 'workflow_id' })
  workflowId!: string;

  @Column('text')
  status!: LaunchStatus;

  @Column('int')
  total!: number;

  @Column('int')
  started!: number;

  @Column('int')
  existing!: number;

  @Column('int')
  failed!: number;

  @Column('jsonb')
  failures!: LaunchFailure[];

  @Column('int')
  sequence!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column('timestamptz', { name: 'finished_at', nullable: true })
  finishedAt!: Date | null;
}
