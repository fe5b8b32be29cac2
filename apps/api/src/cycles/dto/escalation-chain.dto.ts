import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayNotEmpty,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { ESCALATION_LEVELS, MAX_ESCALATION_WORKING_DAYS, type EscalationLevel } from '@orientir/domain';
import { RU } from '../../common/russian-messages.util';

const LEVEL_DESCRIPTION =
  "executor: the overdue notice to the event executors or the school team (first step); municipal_coordinator: the coordinators of the cycle's municipality; regional_coordinator: the region's coordinators";

export class EscalationStepDto {
  @ApiProperty({ enum: ESCALATION_LEVELS, description: LEVEL_DESCRIPTION })
  @IsIn(ESCALATION_LEVELS, { message: RU.enumOf(ESCALATION_LEVELS) })
  level!: EscalationLevel;

  @ApiProperty({
    minimum: 1,
    maximum: MAX_ESCALATION_WORKING_DAYS,
    example: 3,
    description:
      'Working days after the deadline (production calendar; 1 = the next working day), at the local send hour',
  })
  @IsInt({ message: RU.int })
  @Min(1, { message: RU.range })
  @Max(MAX_ESCALATION_WORKING_DAYS, { message: RU.range })
  afterWorkingDays!: number;
}

/** A cycle's chain: starts with the executor; each level once; days strictly increasing. */
export class EscalationChainDto {
  @ApiProperty({
    type: [EscalationStepDto],
    minItems: 1,
    maxItems: ESCALATION_LEVELS.length,
    description:
      'Starts with the executor; each level at most once; each step more working days after the deadline than the one before',
  })
  @IsArray({ message: RU.array })
  @ArrayMinSize(1, { message: RU.arrayNotEmpty })
  @ArrayMaxSize(ESCALATION_LEVELS.length, { message: RU.arrayMax })
  @ValidateNested({ each: true })
  @Type(() => EscalationStepDto)
  steps!: EscalationStepDto[];
}

export class EscalationStepView {
  @ApiProperty({ enum: ESCALATION_LEVELS }) level!: EscalationLevel;
  @ApiProperty({ minimum: 1, maximum: MAX_ESCALATION_WORKING_DAYS }) afterWorkingDays!: number;
}

export class EscalationChainView {
  @ApiProperty({ type: [EscalationStepView] }) steps!: EscalationStepView[];
  @ApiProperty({ description: 'True while the cycle follows the default chain (it never set its own)' })
  isDefault!: boolean;
  @ApiProperty({ description: 'Whether the caller may change it (a coordinator managing the cycle)' })
  canEdit!: boolean;
}

/** The optional `escalationChain` of a launch request (POST /api/cycles, POST /api/roadmaps/:id/cycles). */
export function OptionalEscalationChain(description: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ type: [EscalationStepDto], minItems: 1, maxItems: 3, description }),
    IsOptional(),
    IsArray({ message: RU.array }),
    ArrayNotEmpty({ message: RU.arrayNotEmpty }),
    ArrayMaxSize(3, { message: RU.arrayMax }),
    ValidateNested({ each: true }),
    Type(() => EscalationStepDto),
  );
}
