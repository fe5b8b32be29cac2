import { ApiProperty } from '@nestjs/swagger';
import type { LaunchStatus, LaunchTargetKind } from '@orientir/contracts';

export class LaunchFailureView {
  @ApiProperty({ enum: ['school', 'event'] }) kind!: LaunchTargetKind;
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'The school, or «№ N. title» of the event' }) name!: string;
  @ApiProperty({ description: 'Why its workflow was not started (Russian)' }) reason!: string;
}

/** One launch of a cycle and how far it got (projected by the launch workflow into PostgreSQL). */
export class LaunchView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) cycleId!: string;
  @ApiProperty({ example: 'cycle/…/launch/…', description: 'The launch workflow (Temporal UI)' }) workflowId!: string;
  @ApiProperty({
    enum: ['pending', 'running', 'completed', 'failed'],
    description:
      'pending: stored, the launch workflow not yet begun; running; completed: every school and event workflow started, already running, or listed under failures; failed: the launch workflow itself ended early (relaunch)',
  })
  status!: LaunchStatus;
  @ApiProperty({ description: 'M: school and event workflows the launch covers (0 until it has planned)' })
  total!: number;
  @ApiProperty({ description: 'N: started by this launch plus already running' }) done!: number;
  @ApiProperty({ description: 'Started by this launch (new, or failed/terminated ones started again)' })
  started!: number;
  @ApiProperty({ description: 'Already running, left alone' }) existing!: number;
  @ApiProperty({ description: 'Not started; the first 100 are listed under failures' }) failed!: number;
  @ApiProperty({ type: [LaunchFailureView] }) failures!: LaunchFailureView[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) finishedAt!: string | null;
}
