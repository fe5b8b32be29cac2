import { ExecutorMatchView } from '../../directory/dto/directory.view';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { IsTimeZone } from '../../common/is-time-zone.validator';
import { ExecutorDto, SchoolDto } from '../../cycles/dto/create-cycle.dto';
import { EscalationStepDto, OptionalEscalationChain } from '../../cycles/dto/escalation-chain.dto';
import { RU } from '../../common/russian-messages.util';
import { canonicalRoadmapRef } from '../../common/openapi-document.util';
import { CycleView } from '../../cycles/dto/cycle-view.dto';
import { SchoolYearSettingsDto } from '../../schools/dto/school-year-settings.dto';

export class RoadmapPreviewStats {
  @ApiProperty() events!: number;
  @ApiProperty() undatedEvents!: number;
  @ApiProperty() schools!: number;
  @ApiProperty() curators!: number;
  @ApiProperty() warnings!: number;
  @ApiProperty({
    description:
      'Event fields the importer is unsure of (confidence below 0.7, see events[].confidence): what the preview highlights for the coordinator to check',
    minimum: 0,
  })
  fieldsToCheck!: number;
  @ApiProperty({ description: 'Events per detected school-pipeline stage' }) stages!: Record<string, number>;
}

export class RoadmapPreview {
  @ApiProperty({
    allOf: [canonicalRoadmapRef],
    description: 'The canonical roadmap (libs/roadmap-import/src/schema/roadmap.schema.json); nothing is saved yet',
  })
  roadmap!: Record<string, unknown>;
  @ApiProperty({ nullable: true, type: String }) fileName!: string | null;
  @ApiProperty({ type: RoadmapPreviewStats }) stats!: RoadmapPreviewStats;
}

export class StoredRoadmap {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() year!: number;
  @ApiProperty() timezone!: string;
  @ApiProperty({ nullable: true, type: String, description: 'Owning municipality; null for a regional roadmap' })
  municipality!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ allOf: [canonicalRoadmapRef] }) roadmap!: Record<string, unknown>;
  @ApiPropertyOptional({
    type: [ExecutorMatchView],
    description: 'GET only: each executor matched to a directory organisation (exact, alias, fuzzy to confirm, none)',
  })
  executors?: ExecutorMatchView[];
}

export class ExportQueryDto {
  @ApiPropertyOptional({ enum: ['json', 'yaml'], default: 'json' })
  @IsOptional()
  @IsIn(['json', 'yaml'], { message: RU.enumOf(['json', 'yaml']) })
  format?: 'json' | 'yaml';
}

export class ConfirmQueryDto {
  @ApiPropertyOptional({ description: 'Name of the file the roadmap came from, kept for the record' })
  @IsOptional()
  @IsString({ message: RU.string })
  @MaxLength(300, { message: RU.maxLength })
  fileName?: string;

  @ApiPropertyOptional({
    maxLength: 300,
    description:
      'Owning municipality; by default the caller’s own. Omit it as a region-wide caller for a regional roadmap',
  })
  @IsOptional()
  @IsString({ message: RU.string })
  @IsNotEmpty({ message: RU.notEmpty })
  @MaxLength(300, { message: RU.maxLength })
  municipality?: string;
}

export class RoadmapSummary {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() year!: number;
  @ApiProperty() timezone!: string;
  @ApiProperty({ nullable: true, type: String }) sourceFileName!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Owning municipality; none for a regional roadmap' })
  municipality!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty() events!: number;
  @ApiProperty() schools!: number;
}

/** Dates set by hand for an event whose period («По графику») gives none. */
export class EventDatesDto {
  @ApiProperty({ example: '12', description: 'The event number in the roadmap' })
  @IsString({ message: RU.string })
  @IsNotEmpty({ message: RU.notEmpty })
  @MaxLength(20, { message: RU.maxLength })
  number!: string;

  @ApiProperty({ example: '2023-09-01T00:00:00+08:00' })
  @IsISO8601({ strict: true }, { message: RU.isoDate })
  opensAt!: string;

  @ApiProperty({ example: '2023-09-30T23:59:59+08:00' })
  @IsISO8601({ strict: true }, { message: RU.isoDate })
  deadline!: string;
}

/** The coordinator's choice for one event whose period is already past at launch. */
export class PastEventChoiceDto {
  @ApiProperty({ example: '3', description: 'The event number in the roadmap' })
  @IsString({ message: RU.string })
  @IsNotEmpty({ message: RU.notEmpty })
  @MaxLength(20, { message: RU.maxLength })
  number!: string;

  @ApiProperty({
    enum: ['late', 'skip'],
    description: 'late: track the past occurrences as already late; skip: track the event from its next occurrence',
  })
  @IsIn(['late', 'skip'], { message: 'policy: допустимые значения late или skip' })
  policy!: 'late' | 'skip';
}

export class CycleFromRoadmapDto {
  @ApiPropertyOptional({ description: 'Cycle title; the roadmap title by default' })
  @IsOptional()
  @IsString({ message: RU.string })
  @MaxLength(500, { message: RU.maxLength })
  title?: string;

  @ApiPropertyOptional({ description: 'Municipality that owns the cycle (a municipal coordinator must name its own)' })
  @IsOptional()
  @IsString({ message: RU.string })
  @MaxLength(300, { message: RU.maxLength })
  municipality?: string;

  @ApiPropertyOptional({ example: 'Asia/Irkutsk', description: "The cycle's time zone; the roadmap's by default" })
  @IsOptional()
  @IsTimeZone({ message: RU.timezone })
  timezone?: string;

  @ApiPropertyOptional({ type: [SchoolDto], description: "The participating schools; the roadmap's by default" })
  @IsOptional()
  @IsArray({ message: RU.array })
  @ArrayMaxSize(5000, { message: RU.arrayMax })
  @ValidateNested({ each: true })
  @Type(() => SchoolDto)
  schools?: SchoolDto[];

  @ApiPropertyOptional({
    type: [EventDatesDto],
    description:
      'Dates for undated events; undated events not listed here are launched waiting for dates («ожидает графика»)',
  })
  @IsOptional()
  @IsArray({ message: RU.array })
  @ArrayMaxSize(1000, { message: RU.arrayMax })
  @ValidateNested({ each: true })
  @Type(() => EventDatesDto)
  dates?: EventDatesDto[];

  @ApiPropertyOptional({
    type: [ExecutorDto],
    description:
      'Executors whose directory organisation the coordinator confirmed in the preview (by name); applied to every event naming them, and a confirmed fuzzy match is remembered as an alias',
  })
  @IsOptional()
  @IsArray({ message: RU.array })
  @ArrayMaxSize(1000, { message: RU.arrayMax })
  @ValidateNested({ each: true })
  @Type(() => ExecutorDto)
  executors?: ExecutorDto[];

  @ApiPropertyOptional({
    enum: ['late', 'skip'],
    description:
      'Occurrences already past at launch (the launch preview lists them): track them as late (overdue, no reminders; the default), or skip them and track the event from its next occurrence',
  })
  @IsOptional()
  @IsIn(['late', 'skip'], { message: 'pastEvents: допустимые значения late или skip' })
  pastEvents?: 'late' | 'skip';

  @ApiPropertyOptional({
    type: [PastEventChoiceDto],
    description:
      'Per-event choice for events already past at launch, by roadmap number; overrides pastEvents for that event',
  })
  @IsOptional()
  @IsArray({ message: RU.array })
  @ArrayMaxSize(1000, { message: RU.arrayMax })
  @ValidateNested({ each: true })
  @Type(() => PastEventChoiceDto)
  pastEventChoices?: PastEventChoiceDto[];

  @OptionalEscalationChain(
    'Whom an overdue item is escalated to, after how many working days (as in POST /api/cycles); omitted: the default chain',
  )
  escalationChain?: EscalationStepDto[];

  @ApiPropertyOptional({
    type: SchoolYearSettingsDto,
    description:
      "The schools' year (stage due dates, review term in working days, checkpoint rhythm, risk directions), as in POST /api/cycles; stored with the cycle. Omitted: the ten 500+ directions, 10 working days, quarterly checkpoints",
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => SchoolYearSettingsDto)
  schoolYear?: SchoolYearSettingsDto;
}

export class AwaitingScheduleEventView {
  @ApiProperty({ example: '12' }) number!: string;
  @ApiProperty({
    example: 'срок «По графику» не задает дат: мероприятие ожидает графика, назначьте даты на его странице',
  })
  reason!: string;
}

export class CycleFromRoadmapView extends CycleView {
  @ApiProperty({
    type: [AwaitingScheduleEventView],
    description:
      'Undated events («По графику») launched without dates: they show as «ожидает графика» until a coordinator dates them (POST /api/events/:id/schedule)',
  })
  awaitingScheduleEvents!: AwaitingScheduleEventView[];
}
