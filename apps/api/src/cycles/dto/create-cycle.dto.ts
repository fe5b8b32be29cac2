import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { SCHOOL_CATEGORIES, type DirectorySchoolCategory } from '@orientir/domain';
import { IsTimeZone } from '../../common/is-time-zone.validator';
import { RU } from '../../common/russian-messages.util';
import { EscalationStepDto, OptionalEscalationChain } from './escalation-chain.dto';
import { SchoolYearSettingsDto } from '../../schools/dto/school-year-settings.dto';

const CATEGORIES: readonly DirectorySchoolCategory[] = SCHOOL_CATEGORIES;

export class ExecutorDto {
  @ApiProperty({ example: 'МКУ «ИМЦРО»' })
  @IsString({ message: RU.string })
  @IsNotEmpty({ message: RU.notEmpty })
  @MaxLength(500, { message: RU.maxLength })
  name!: string;

  @ApiPropertyOptional({ example: 'imcro@example.ru' })
  @IsOptional()
  @IsEmail({}, { message: RU.email })
  email?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The directory organisation confirmed in the preview; omitted: matched by name or alias',
  })
  @IsOptional()
  @IsUUID('all', { message: RU.uuid })
  organisationId?: string;
}

export class CuratorDto {
  @ApiProperty({ example: 'Иванова Мария Петровна' })
  @IsString({ message: RU.string })
  @IsNotEmpty({ message: RU.notEmpty })
  @MaxLength(300, { message: RU.maxLength })
  name!: string;

  @ApiPropertyOptional({ example: 'заместитель директора' })
  @IsOptional()
  @IsString({ message: RU.string })
  @MaxLength(300, { message: RU.maxLength })
  position?: string;

  @ApiPropertyOptional({ example: 'МБОУ СОШ № 2', description: "The curator's own school" })
  @IsOptional()
  @IsString({ message: RU.string })
  @MaxLength(500, { message: RU.maxLength })
  workplace?: string;

  @ApiPropertyOptional({ example: 'ivanova@example.ru' })
  @IsOptional()
  @IsEmail({}, { message: RU.email })
  email?: string;

  @ApiProperty({ type: [String], description: 'Names of the participating schools curated' })
  @IsArray({ message: RU.array })
  @ArrayMaxSize(100, { message: RU.arrayMax })
  @IsString({ each: true, message: RU.string })
  @MaxLength(500, { each: true, message: RU.maxLength })
  schools!: string[];
}

export class SchoolDto {
  @ApiProperty({ example: 'МБОУ г. Иркутска СОШ № 1' })
  @IsString({ message: RU.string })
  @IsNotEmpty({ message: RU.notEmpty })
  @MaxLength(500, { message: RU.maxLength })
  name!: string;

  @ApiProperty({ enum: CATEGORIES })
  @IsIn(CATEGORIES, { message: RU.enumOf(CATEGORIES) })
  category!: DirectorySchoolCategory;

  @ApiPropertyOptional({ example: 'г. Иркутск' })
  @IsOptional()
  @IsString({ message: RU.string })
  @MaxLength(300, { message: RU.maxLength })
  municipality?: string;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray({ message: RU.array })
  @IsEmail({}, { each: true, message: RU.emailEach })
  emails?: string[];

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      "The directory school this row is (of the row's municipality, once per cycle), as a person confirmed it; the name becomes the school's alias. Send it, or asNew, for a name only like a directory school's (POST /api/directory/school-matches answers fuzzy): without either such a row becomes a new school and the cycle's audit record lists it",
  })
  @IsOptional()
  @IsUUID('all', { message: RU.uuid })
  directorySchoolId?: string;

  @ApiPropertyOptional({
    description: 'A new directory school, although one with a similar name exists. Not with directorySchoolId',
  })
  @IsOptional()
  @IsBoolean({ message: 'поле «$property» должно быть true или false' })
  asNew?: boolean;
}

export class EventDto {
  @ApiProperty({ example: '7' })
  @IsString({ message: RU.string })
  @IsNotEmpty({ message: RU.notEmpty })
  @MaxLength(20, { message: RU.maxLength })
  number!: string;

  @ApiProperty({ example: 'Разработка ШНОР концептуальных документов' })
  @IsString({ message: RU.string })
  @IsNotEmpty({ message: RU.notEmpty })
  @MaxLength(2000, { message: RU.maxLength })
  title!: string;

  @ApiProperty({ example: '2023-05-01T00:00:00+08:00' })
  @IsISO8601({ strict: true }, { message: RU.isoDate })
  opensAt!: string;

  @ApiProperty({ example: '2023-05-31T23:59:59+08:00' })
  @IsISO8601({ strict: true }, { message: RU.isoDate })
  deadline!: string;

  @ApiProperty({ type: [ExecutorDto] })
  @IsArray({ message: RU.array })
  @ArrayMaxSize(50, { message: RU.arrayMax })
  @ValidateNested({ each: true })
  @Type(() => ExecutorDto)
  executors!: ExecutorDto[];
}

export class CreateCycleDto {
  @ApiProperty({ example: 'Дорожная карта г. Иркутска, 2023' })
  @IsString({ message: RU.string })
  @IsNotEmpty({ message: RU.notEmpty })
  @MaxLength(500, { message: RU.maxLength })
  title!: string;

  @ApiProperty({ example: 2023 })
  @IsInt({ message: RU.int })
  @Min(2000, { message: RU.range })
  @Max(2100, { message: RU.range })
  year!: number;

  @ApiProperty({ example: 'Asia/Irkutsk' })
  @IsTimeZone({ message: RU.timezone })
  timezone!: string;

  @ApiPropertyOptional({
    example: 'г. Иркутск',
    description: 'The municipality that owns the cycle; omit for a region-wide cycle',
  })
  @IsOptional()
  @IsString({ message: RU.string })
  @IsNotEmpty({ message: RU.notEmpty })
  @MaxLength(300, { message: RU.maxLength })
  municipality?: string;

  @ApiProperty({ type: [SchoolDto] })
  @IsArray({ message: RU.array })
  @ArrayMaxSize(5000, { message: RU.arrayMax })
  @ValidateNested({ each: true })
  @Type(() => SchoolDto)
  schools!: SchoolDto[];

  @ApiProperty({ type: [EventDto] })
  @IsArray({ message: RU.array })
  @ArrayNotEmpty({ message: RU.arrayNotEmpty })
  @ArrayMaxSize(1000, { message: RU.arrayMax })
  @ValidateNested({ each: true })
  @Type(() => EventDto)
  events!: EventDto[];

  @ApiPropertyOptional({ type: [CuratorDto], description: 'Curators assigned to participating schools for this cycle' })
  @IsOptional()
  @IsArray({ message: RU.array })
  @ArrayMaxSize(5000, { message: RU.arrayMax })
  @ValidateNested({ each: true })
  @Type(() => CuratorDto)
  curators?: CuratorDto[];

  @OptionalEscalationChain(
    'Whom an overdue item is escalated to, after how many working days; starts with the executor, each level once, days increasing. Omitted: executor after 1, municipal coordinator after 3, regional coordinator after 5',
  )
  escalationChain?: EscalationStepDto[];

  @ApiPropertyOptional({
    type: SchoolYearSettingsDto,
    description:
      "The schools' year: risk directions, stage due dates, working days a reviewer has per document (a late review is reported to the coordinator), checkpoint rhythm. Stored with the cycle, so every school workflow starts with it; omitted: the ten 500+ directions, 10 working days, quarterly checkpoints",
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => SchoolYearSettingsDto)
  schoolYear?: SchoolYearSettingsDto;
}
