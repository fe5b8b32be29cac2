import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import type { OutboxStatus } from '@orientir/persistence';
import { RU } from '../../common/russian-messages.util';

export const OUTBOX_STATUSES: readonly OutboxStatus[] = ['pending', 'sending', 'sent', 'failed', 'undeliverable'];
export const MAX_MAIL_OFFSET = 1_000_000;

export class MailQueryDto {
  @ApiPropertyOptional({ enum: OUTBOX_STATUSES })
  @IsOptional()
  @IsIn(OUTBOX_STATUSES, { message: RU.enumOf(OUTBOX_STATUSES) })
  status?: OutboxStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: RU.uuid })
  cycleId?: string;

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: RU.int })
  @Min(1, { message: RU.range })
  @Max(500, { message: RU.range })
  limit?: number;

  @ApiPropertyOptional({ default: 0, minimum: 0, maximum: MAX_MAIL_OFFSET })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: RU.int })
  @Min(0, { message: RU.range })
  @Max(MAX_MAIL_OFFSET, { message: RU.range })
  offset?: number;
}

export class MailMessageView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'event-reminder' }) kind!: string;
  @ApiProperty() recipient!: string;
  @ApiProperty() subject!: string;
  @ApiProperty({ enum: OUTBOX_STATUSES }) status!: OutboxStatus;
  @ApiProperty() attempts!: number;
  @ApiProperty({ nullable: true, type: String, description: 'Why the last attempt failed, in Russian' })
  lastError!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) cycleId!: string | null;
  @ApiProperty({ nullable: true, type: String }) cycleTitle!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ nullable: true, type: String }) sentAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) undeliverableAt!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'When a failed message is tried again' })
  nextAttemptAt!: string | null;
}

export class MailStatusCounts {
  @ApiProperty() pending!: number;
  @ApiProperty() sending!: number;
  @ApiProperty() sent!: number;
  @ApiProperty() failed!: number;
  @ApiProperty() undeliverable!: number;
}

export class MailPage {
  @ApiProperty({ type: MailStatusCounts, description: 'Within the caller’s cycles (and the cycleId filter)' })
  counts!: MailStatusCounts;
  @ApiProperty() total!: number;
  @ApiProperty({ type: [MailMessageView] }) items!: MailMessageView[];
}
