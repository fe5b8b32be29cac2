import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsEmail, IsIn, IsInt, IsISO8601, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import type { AuditOutcome } from '@orientir/persistence';
import { RU } from '../../common/russian-messages.util';

export const MAX_AUDIT_OFFSET = 10_000_000;

const OUTCOMES: readonly AuditOutcome[] = ['success', 'denied', 'failure'];

export class AuditQueryDto {
  @ApiPropertyOptional({ example: 'cycle.launch' })
  @IsOptional()
  @IsString({ message: RU.string })
  @MaxLength(100, { message: RU.maxLength })
  action?: string;

  @ApiPropertyOptional({ example: 'cycle' })
  @IsOptional()
  @IsString({ message: RU.string })
  @MaxLength(50, { message: RU.maxLength })
  targetType?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: RU.string })
  @MaxLength(200, { message: RU.maxLength })
  targetId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsEmail({}, { message: RU.email })
  actorEmail?: string;

  @ApiPropertyOptional({ enum: OUTCOMES })
  @IsOptional()
  @IsIn(OUTCOMES, { message: RU.enumOf(OUTCOMES) })
  outcome?: AuditOutcome;

  @ApiPropertyOptional({ example: '2023-05-01T00:00:00+08:00' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: RU.isoDate })
  since?: string;

  @ApiPropertyOptional({ example: '2023-06-01T00:00:00+08:00' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: RU.isoDate })
  until?: string;

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: RU.int })
  @Min(1, { message: RU.range })
  @Max(500, { message: RU.range })
  limit?: number;

  // Bounded: PostgreSQL refuses an OFFSET beyond bigint, and no log is paged that far.
  @ApiPropertyOptional({ default: 0, minimum: 0, maximum: MAX_AUDIT_OFFSET })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: RU.int })
  @Min(0, { message: RU.range })
  @Max(MAX_AUDIT_OFFSET, { message: RU.range })
  offset?: number;
}
