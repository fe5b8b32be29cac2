import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { RU } from '../../common/russian-messages.util';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_MESSAGE = 'поле «$property» должно быть датой ГГГГ-ММ-ДД (получено «$value»)';

export class RiskDirectionDto {
  @ApiProperty({ maxLength: 100, pattern: '^[a-z0-9_]+$', example: 'teacher_shortage' })
  @IsString({ message: RU.string })
  @Matches(/^[a-z0-9_]+$/, { message: 'поле «$property»: только латинские строчные буквы, цифры и _' })
  @MaxLength(100, { message: RU.maxLength })
  id!: string;

  @ApiProperty({ maxLength: 500, example: 'Дефицит педагогических кадров' })
  @IsString({ message: RU.string })
  @IsNotEmpty({ message: RU.notEmpty })
  @MaxLength(500, { message: RU.maxLength })
  title!: string;
}

/** Due date (local, YYYY-MM-DD) of each stage; a stage left out is due N days after the school starts. */
export class StageDueDatesDto {
  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @Matches(DATE, { message: DATE_MESSAGE })
  @IsISO8601({ strict: true }, { message: DATE_MESSAGE })
  risk_profile?: string;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @Matches(DATE, { message: DATE_MESSAGE })
  @IsISO8601({ strict: true }, { message: DATE_MESSAGE })
  self_diagnosis?: string;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @Matches(DATE, { message: DATE_MESSAGE })
  @IsISO8601({ strict: true }, { message: DATE_MESSAGE })
  concept_documents?: string;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @Matches(DATE, { message: DATE_MESSAGE })
  @IsISO8601({ strict: true }, { message: DATE_MESSAGE })
  expertise?: string;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @Matches(DATE, { message: DATE_MESSAGE })
  @IsISO8601({ strict: true }, { message: DATE_MESSAGE })
  monitoring?: string;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @Matches(DATE, { message: DATE_MESSAGE })
  @IsISO8601({ strict: true }, { message: DATE_MESSAGE })
  report?: string;
}

const RHYTHMS = ['quarterly', 'dates'] as const;

export class SchoolYearSettingsDto {
  @ApiPropertyOptional({
    type: [RiskDirectionDto],
    maxItems: 30,
    nullable: true,
    description: 'null or left out: the ten directions of the 500+ programme',
  })
  @IsOptional()
  @IsArray({ message: RU.array })
  @ArrayMaxSize(30, { message: RU.arrayMax })
  @ValidateNested({ each: true })
  @Type(() => RiskDirectionDto)
  riskDirections?: RiskDirectionDto[] | null;

  @ApiProperty({ type: StageDueDatesDto })
  @ValidateNested()
  @Type(() => StageDueDatesDto)
  dueDates!: StageDueDatesDto;

  @ApiProperty({ minimum: 1, maximum: 60, default: 10, description: 'Working days a reviewer has per document' })
  @IsInt({ message: RU.int })
  @Min(1, { message: RU.range })
  @Max(60, { message: RU.range })
  reviewWorkingDays!: number;

  @ApiProperty({ enum: RHYTHMS })
  @IsIn(RHYTHMS, { message: RU.enumOf(RHYTHMS) })
  checkpointRhythm!: (typeof RHYTHMS)[number];

  @ApiProperty({
    type: [String],
    format: 'date',
    pattern: '^\\d{4}-\\d{2}-\\d{2}$',
    maxItems: 24,
    description: 'Local dates, used with the `dates` rhythm',
  })
  @IsArray({ message: RU.array })
  @ArrayMaxSize(24, { message: RU.arrayMax })
  @Matches(DATE, { each: true, message: 'поле «$property» должно содержать даты ГГГГ-ММ-ДД' })
  checkpointDates!: string[];
}

export class SchoolYearSettingsView extends SchoolYearSettingsDto {
  @ApiProperty({ format: 'uuid' }) cycleId!: string;
  @ApiProperty({ description: 'False once a school of the cycle has started: settings are then read-only' })
  editable!: boolean;
}
