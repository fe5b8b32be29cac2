import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { SCHOOL_STAGES, type SchoolStage } from '@orientir/domain';
import { RU } from '../../common/russian-messages.util';

const DECISIONS = ['advance', 'return'] as const;

export class CompleteStageDto {
  @ApiProperty({
    enum: SCHOOL_STAGES,
    description: 'The stage the caller believes the school is in; a stale view is rejected',
  })
  @IsIn(SCHOOL_STAGES, { message: RU.enumOf(SCHOOL_STAGES) })
  stage!: SchoolStage;

  @ApiProperty({ enum: DECISIONS })
  @IsIn(DECISIONS, { message: RU.enumOf(DECISIONS) })
  decision!: (typeof DECISIONS)[number];

  @ApiPropertyOptional({ description: 'Required when returning for rework' })
  @IsOptional()
  @IsString({ message: RU.string })
  @IsNotEmpty({ message: RU.notEmpty })
  @MaxLength(5000, { message: RU.maxLength })
  remarks?: string;
}

export class SchoolStageView {
  @ApiProperty() stage!: string;
  @ApiProperty() round!: number;
  @ApiProperty({ nullable: true, type: String }) lastRemarks!: string | null;
}
