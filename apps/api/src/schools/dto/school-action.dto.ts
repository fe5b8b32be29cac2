// Request bodies of the school-year actions. The workflow applies the rules (stage, actor, required
// answers and documents); these only shape the input and bound its sizes.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsArray,
  IsBoolean,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { RU } from '../../common/russian-messages.util';

const TEXT = 5000;
const ID = 200;

export class RiskProfileDto {
  @ApiProperty({
    type: [String],
    maxItems: 50,
    minItems: 1,
    description: "Ids of the cycle's risk directions flagged for the school (see GET /api/schools/:id riskDirections)",
    example: ['teacher_shortage', 'low_motivation'],
  })
  @IsArray({ message: RU.array })
  @ArrayNotEmpty({ message: RU.arrayNotEmpty })
  @ArrayMaxSize(50, { message: RU.arrayMax })
  @IsString({ each: true, message: RU.string })
  @MaxLength(ID, { each: true, message: RU.maxLength })
  flaggedDirections!: string[];
}

export class SelfDiagnosisAnswerDto {
  @ApiProperty({ maxLength: ID, example: 'teacher_shortage' })
  @IsString({ message: RU.string })
  @IsNotEmpty({ message: RU.notEmpty })
  @MaxLength(ID, { message: RU.maxLength })
  directionId!: string;

  @ApiProperty({ description: 'Whether the risk is confirmed: each confirmed direction needs an anti-risk programme' })
  @IsBoolean({ message: 'ошибка типа: поле «$property» должно быть true или false' })
  confirmed!: boolean;

  @ApiProperty({ maxLength: TEXT, minLength: 1 })
  @IsString({ message: RU.string })
  @IsNotEmpty({ message: RU.notEmpty })
  @MaxLength(TEXT, { message: RU.maxLength })
  justification!: string;

  @ApiProperty({ maxLength: TEXT, description: 'Planned measures; required (not empty) for a confirmed direction' })
  @IsString({ message: RU.string })
  @MaxLength(TEXT, { message: RU.maxLength })
  measures!: string;
}

export class SelfDiagnosisDto {
  @ApiProperty({ type: [SelfDiagnosisAnswerDto], maxItems: 50, description: 'One answer per flagged direction' })
  @IsArray({ message: RU.array })
  @ArrayNotEmpty({ message: RU.arrayNotEmpty })
  @ArrayMaxSize(50, { message: RU.arrayMax })
  @ValidateNested({ each: true })
  @Type(() => SelfDiagnosisAnswerDto)
  answers!: SelfDiagnosisAnswerDto[];
}

export class DocumentFileDto {
  @ApiProperty({
    maxLength: ID,
    description:
      'Required document key: development_concept, medium_term_programme or anti_risk_programme:<directionId>',
    example: 'development_concept',
  })
  @IsString({ message: RU.string })
  @IsNotEmpty({ message: RU.notEmpty })
  @MaxLength(ID, { message: RU.maxLength })
  key!: string;

  @ApiProperty({ format: 'uuid', description: 'Id of an uploaded file (POST /api/files)' })
  @IsUUID('all', { message: RU.uuid })
  fileId!: string;

  @ApiPropertyOptional({ maxLength: 300, nullable: true, type: String })
  @IsOptional()
  @IsString({ message: RU.string })
  @MaxLength(300, { message: RU.maxLength })
  fileName?: string | null;
}

export class SubmitDocumentsDto {
  @ApiProperty({ type: [DocumentFileDto], minItems: 1, maxItems: 60 })
  @IsArray({ message: RU.array })
  @ArrayNotEmpty({ message: RU.arrayNotEmpty })
  @ArrayMaxSize(60, { message: RU.arrayMax })
  @ValidateNested({ each: true })
  @Type(() => DocumentFileDto)
  documents!: DocumentFileDto[];
}

const REVIEW_DECISIONS = ['approve', 'return'] as const;

export class ReviewDocumentDto {
  @ApiProperty({ enum: REVIEW_DECISIONS })
  @IsIn(REVIEW_DECISIONS, { message: RU.enumOf(REVIEW_DECISIONS) })
  decision!: (typeof REVIEW_DECISIONS)[number];

  @ApiPropertyOptional({ maxLength: TEXT, nullable: true, type: String, description: 'Required when returning' })
  @IsOptional()
  @IsString({ message: RU.string })
  @MaxLength(TEXT, { message: RU.maxLength })
  remarks?: string | null;
}

export class PersonChoiceDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'A directory person (people.id); or give userId' })
  @IsOptional()
  @IsUUID('all', { message: RU.uuid })
  personId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'An account (users.id); or give personId' })
  @IsOptional()
  @IsUUID('all', { message: RU.uuid })
  userId?: string;
}

export class AssignExpertDto {
  @ApiPropertyOptional({ type: PersonChoiceDto, nullable: true, description: 'null: the curator reviews again' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PersonChoiceDto)
  expert?: PersonChoiceDto | null;
}

export class EvidenceDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'An uploaded file; or give url' })
  @IsOptional()
  @IsUUID('all', { message: RU.uuid })
  fileId?: string;

  @ApiPropertyOptional({ format: 'uri', maxLength: 2000, description: 'A link (http/https); or give fileId' })
  @IsOptional()
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true },
    { message: 'поле «$property» должно быть ссылкой http(s)' },
  )
  @MaxLength(2000, { message: RU.maxLength })
  url?: string;

  @ApiPropertyOptional({ maxLength: 300 })
  @IsOptional()
  @IsString({ message: RU.string })
  @MaxLength(300, { message: RU.maxLength })
  title?: string;
}

export class IndicatorValueDto {
  @ApiProperty({ maxLength: ID, description: 'A confirmed risk direction (its anti-risk programme)' })
  @IsString({ message: RU.string })
  @IsNotEmpty({ message: RU.notEmpty })
  @MaxLength(ID, { message: RU.maxLength })
  directionId!: string;

  @ApiProperty({ maxLength: 1000, example: 'Доля педагогов, прошедших КПК' })
  @IsString({ message: RU.string })
  @IsNotEmpty({ message: RU.notEmpty })
  @MaxLength(1000, { message: RU.maxLength })
  indicator!: string;

  @ApiProperty({ maxLength: 1000, example: '45%' })
  @IsString({ message: RU.string })
  @IsNotEmpty({ message: RU.notEmpty })
  @MaxLength(1000, { message: RU.maxLength })
  value!: string;

  @ApiProperty({ type: [EvidenceDto], minItems: 1, maxItems: 20 })
  @IsArray({ message: RU.array })
  @ArrayNotEmpty({ message: RU.arrayNotEmpty })
  @ArrayMaxSize(20, { message: RU.arrayMax })
  @ValidateNested({ each: true })
  @Type(() => EvidenceDto)
  evidence!: EvidenceDto[];
}

export class CheckpointDto {
  @ApiProperty({ type: [IndicatorValueDto], minItems: 1, maxItems: 200 })
  @IsArray({ message: RU.array })
  @ArrayNotEmpty({ message: RU.arrayNotEmpty })
  @ArrayMaxSize(200, { message: RU.arrayMax })
  @ValidateNested({ each: true })
  @Type(() => IndicatorValueDto)
  values!: IndicatorValueDto[];
}

const CHECKPOINT_DECISIONS = ['confirm', 'return'] as const;

export class ReviewCheckpointDto {
  @ApiProperty({ enum: CHECKPOINT_DECISIONS })
  @IsIn(CHECKPOINT_DECISIONS, { message: RU.enumOf(CHECKPOINT_DECISIONS) })
  decision!: (typeof CHECKPOINT_DECISIONS)[number];

  @ApiPropertyOptional({ maxLength: TEXT, nullable: true, type: String, description: 'Required when returning' })
  @IsOptional()
  @IsString({ message: RU.string })
  @MaxLength(TEXT, { message: RU.maxLength })
  remarks?: string | null;
}

export class SubmitReportDto {
  @ApiProperty({ format: 'uuid', description: 'The uploaded report file' })
  @IsUUID('all', { message: RU.uuid })
  fileId!: string;

  @ApiPropertyOptional({ maxLength: 300, nullable: true, type: String })
  @IsOptional()
  @IsString({ message: RU.string })
  @MaxLength(300, { message: RU.maxLength })
  fileName?: string | null;

  @ApiPropertyOptional({ maxLength: TEXT, nullable: true, type: String })
  @IsOptional()
  @IsString({ message: RU.string })
  @MaxLength(TEXT, { message: RU.maxLength })
  summary?: string | null;
}

const REPORT_DECISIONS = ['accept', 'return'] as const;

export class DecideReportDto {
  @ApiProperty({ enum: REPORT_DECISIONS })
  @IsIn(REPORT_DECISIONS, { message: RU.enumOf(REPORT_DECISIONS) })
  decision!: (typeof REPORT_DECISIONS)[number];

  @ApiPropertyOptional({ maxLength: TEXT, nullable: true, type: String, description: 'Required when returning' })
  @IsOptional()
  @IsString({ message: RU.string })
  @MaxLength(TEXT, { message: RU.maxLength })
  remarks?: string | null;
}

export class ExtendDeadlineDto {
  @ApiProperty({
    description: 'New due date of the current stage: an instant, or a date (the end of that day in the cycle zone)',
    example: '2026-12-25',
  })
  @IsISO8601({ strict: true }, { message: RU.isoDate })
  dueAt!: string;

  @ApiProperty({ maxLength: TEXT, minLength: 1 })
  @IsString({ message: RU.string })
  @IsNotEmpty({ message: RU.notEmpty })
  @MaxLength(TEXT, { message: RU.maxLength })
  reason!: string;
}

export class ChangeCuratorDto extends PersonChoiceDto {
  @ApiPropertyOptional({ maxLength: TEXT, nullable: true, type: String })
  @IsOptional()
  @IsString({ message: RU.string })
  @MaxLength(TEXT, { message: RU.maxLength })
  reason?: string | null;
}

export class WithdrawSchoolDto {
  @ApiProperty({ maxLength: TEXT, minLength: 1 })
  @IsString({ message: RU.string })
  @IsNotEmpty({ message: RU.notEmpty })
  @MaxLength(TEXT, { message: RU.maxLength })
  reason!: string;
}
