import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { EVENT_STATUS_CODES } from '@orientir/domain';
import { RU } from '../../common/russian-messages.util';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const LINK = /^https?:\/\/\S+$/;
const DATE_MESSAGE = 'поле «$property» должно быть датой в формате ГГГГ-ММ-ДД (получено «$value»)';

/** What an executor records to prove an event: at least one of count, link, schools, comment, files. */
export class RecordEvidenceDto {
  @ApiPropertyOptional({
    minimum: 0,
    description: 'Which occurrence (0-based); by default the one the date falls in, else the open one',
  })
  @IsOptional()
  @IsInt({ message: RU.int })
  @Min(0, { message: RU.range })
  @Max(999, { message: RU.range })
  occurrenceIndex?: number;

  @ApiPropertyOptional({ example: '2023-05-15', pattern: ISO_DATE.source, description: 'Local date it was held' })
  @IsOptional()
  @Matches(ISO_DATE, { message: DATE_MESSAGE })
  heldOn?: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 1000000, description: 'Participants or things' })
  @IsOptional()
  @IsInt({ message: RU.int })
  @Min(0, { message: RU.range })
  @Max(1000000, { message: RU.range })
  count?: number;

  @ApiPropertyOptional({ maxLength: 2000, pattern: LINK.source, example: 'https://example.ru/news/1' })
  @IsOptional()
  @Matches(LINK, { message: 'поле «$property» должно быть ссылкой http(s)://… (получено «$value»)' })
  @MaxLength(2000, { message: RU.maxLength })
  link?: string;

  @ApiPropertyOptional({ type: [String], format: 'uuid', maxItems: 5000, description: 'Cycle schools that took part' })
  @IsOptional()
  @IsArray({ message: RU.array })
  @ArrayMaxSize(5000, { message: RU.arrayMax })
  @IsUUID('all', { each: true, message: 'поле «$property» должно содержать идентификаторы школ (UUID)' })
  schoolIds?: string[];

  @ApiPropertyOptional({ maxLength: 5000 })
  @IsOptional()
  @IsString({ message: RU.string })
  @MaxLength(5000, { message: RU.maxLength })
  comment?: string;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    maxItems: 20,
    description: 'Files uploaded to POST /api/events/{id}/files',
  })
  @IsOptional()
  @IsArray({ message: RU.array })
  @ArrayMaxSize(20, { message: RU.arrayMax })
  @IsUUID('all', { each: true, message: 'поле «$property» должно содержать идентификаторы файлов (UUID)' })
  fileIds?: string[];

  @ApiPropertyOptional({ maxLength: 2000, description: 'Required when heldOn lies outside the occurrence' })
  @IsOptional()
  @IsString({ message: RU.string })
  @MaxLength(2000, { message: RU.maxLength })
  lateReason?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Coordinator only: the executor organisation recorded for' })
  @IsOptional()
  @IsUUID('all', { message: RU.uuid })
  organisationId?: string;
}

export class CorrectEvidenceDto {
  @ApiPropertyOptional({ minimum: 0, maximum: 1000000, nullable: true, type: Number })
  @IsOptional()
  @IsInt({ message: RU.int })
  @Min(0, { message: RU.range })
  @Max(1000000, { message: RU.range })
  count?: number | null;

  @ApiPropertyOptional({ type: [String], format: 'uuid', maxItems: 5000 })
  @IsOptional()
  @IsArray({ message: RU.array })
  @ArrayMaxSize(5000, { message: RU.arrayMax })
  @IsUUID('all', { each: true, message: 'поле «$property» должно содержать идентификаторы школ (UUID)' })
  schoolIds?: string[];

  @ApiPropertyOptional({ pattern: ISO_DATE.source })
  @IsOptional()
  @Matches(ISO_DATE, { message: DATE_MESSAGE })
  heldOn?: string;

  @ApiPropertyOptional({ maxLength: 5000 })
  @IsOptional()
  @IsString({ message: RU.string })
  @MaxLength(5000, { message: RU.maxLength })
  comment?: string;

  @ApiProperty({ maxLength: 2000, description: 'Why it is corrected (kept in the audit log)' })
  @IsString({ message: RU.string })
  @IsNotEmpty({ message: RU.notEmpty })
  @MaxLength(2000, { message: RU.maxLength })
  reason!: string;
}

export class ReasonDto {
  @ApiProperty({ maxLength: 2000 })
  @IsString({ message: RU.string })
  @IsNotEmpty({ message: RU.notEmpty })
  @MaxLength(2000, { message: RU.maxLength })
  reason!: string;
}

const CLOSE_KINDS = ['close_early', 'cancel'] as const;

export class CloseEventDto extends ReasonDto {
  @ApiProperty({ enum: CLOSE_KINDS })
  @IsIn(CLOSE_KINDS, { message: RU.enumOf(CLOSE_KINDS) })
  kind!: (typeof CLOSE_KINDS)[number];
}

export class ScheduleWindowDto {
  @ApiProperty({ example: '2023-10-17', description: 'ISO date (start of that local day) or instant' })
  @IsISO8601({ strict: true }, { message: RU.isoDate })
  opensAt!: string;

  @ApiProperty({ example: '2023-10-20', description: 'ISO date (end of that local day) or instant' })
  @IsISO8601({ strict: true }, { message: RU.isoDate })
  deadline!: string;
}

export class ScheduleEventDto {
  @ApiPropertyOptional({
    minimum: 0,
    description: 'Move this occurrence; omitted: replace every window (date a «По графику» event)',
  })
  @IsOptional()
  @IsInt({ message: RU.int })
  @Min(0, { message: RU.range })
  @Max(999, { message: RU.range })
  occurrenceIndex?: number;

  @ApiProperty({ type: [ScheduleWindowDto], minItems: 1, maxItems: 100 })
  @IsArray({ message: RU.array })
  @ArrayMaxSize(100, { message: RU.arrayMax })
  @ValidateNested({ each: true })
  @Type(() => ScheduleWindowDto)
  windows!: ScheduleWindowDto[];
}

export class VerdictDto {
  @ApiProperty({ minimum: 0 })
  @IsInt({ message: RU.int })
  @Min(0, { message: RU.range })
  @Max(999, { message: RU.range })
  occurrenceIndex!: number;

  @ApiProperty()
  @IsBoolean({ message: 'поле «$property» должно быть true или false' })
  met!: boolean;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString({ message: RU.string })
  @MaxLength(2000, { message: RU.maxLength })
  comment?: string;
}

export class EventListQueryDto {
  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString({ message: RU.string })
  @MaxLength(500, { message: RU.maxLength })
  section?: string;

  @ApiPropertyOptional({ maxLength: 500, description: 'Executor name as written, or its directory organisation id' })
  @IsOptional()
  @IsString({ message: RU.string })
  @MaxLength(500, { message: RU.maxLength })
  executor?: string;

  @ApiPropertyOptional({ enum: EVENT_STATUS_CODES })
  @IsOptional()
  @IsIn(EVENT_STATUS_CODES, { message: RU.enumOf(EVENT_STATUS_CODES) })
  status?: string;

  @ApiPropertyOptional({ example: '2023-05-01', description: 'Events whose span reaches this date or later' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: RU.isoDate })
  from?: string;

  @ApiPropertyOptional({ example: '2023-05-31', description: 'Events whose span starts by this date' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: RU.isoDate })
  to?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Events with evidence naming this school' })
  @IsOptional()
  @IsUUID('all', { message: RU.uuid })
  schoolId?: string;

  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: RU.int })
  @Min(1, { message: RU.range })
  @Max(100000, { message: RU.range })
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: RU.int })
  @Min(1, { message: RU.range })
  @Max(200, { message: RU.range })
  pageSize?: number;
}

const REPORT_FORMATS = ['docx', 'xlsx'] as const;

export class ReportQueryDto {
  @ApiProperty({ enum: REPORT_FORMATS })
  @IsIn(REPORT_FORMATS, { message: RU.enumOf(REPORT_FORMATS) })
  format!: (typeof REPORT_FORMATS)[number];

  @ApiPropertyOptional({
    example: '2023-01-01',
    pattern: ISO_DATE.source,
    description: 'Report period start (local date)',
  })
  @IsOptional()
  @Matches(ISO_DATE, { message: DATE_MESSAGE })
  from?: string;

  @ApiPropertyOptional({
    example: '2023-12-31',
    pattern: ISO_DATE.source,
    description: 'Report period end (local date)',
  })
  @IsOptional()
  @Matches(ISO_DATE, { message: DATE_MESSAGE })
  to?: string;
}
