import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { OFFICIAL_CODE_PATTERN } from './directory-edit.dto';
import { SCHOOL_CATEGORIES, type DirectorySchoolCategory } from '@orientir/domain';
import { RU } from '../../common/russian-messages.util';

export const ROW_STATUSES = ['new', 'changed', 'known'] as const;
export type RowStatus = (typeof ROW_STATUSES)[number];

/** How a spelling met the directory: its name (or code), a confirmed spelling, a similar name to confirm, or nothing. */
export const MATCH_KINDS = ['exact', 'alias', 'fuzzy', 'none'] as const;
export type MatchKind = (typeof MATCH_KINDS)[number];
const BOOLEAN = 'поле «$property» должно быть true или false';

/** Preview only: how a spelling met the directory. */
const MatchKindField = (description: string) =>
  applyDecorators(
    ApiPropertyOptional({ enum: MATCH_KINDS, description }),
    IsOptional(),
    IsIn(MATCH_KINDS, { message: RU.enumOf(MATCH_KINDS) }),
  );

/** Preview only: the directory entry matched or resembled. */
const MatchedIdField = (description: string) =>
  applyDecorators(
    ApiPropertyOptional({ nullable: true, type: String, format: 'uuid', description }),
    IsOptional(),
    IsUUID('all', { message: RU.uuid }),
  );

/** Preview only: a name or a question, up to `maxLength`. */
const PreviewTextField = (maxLength: number, description: string) =>
  applyDecorators(
    ApiPropertyOptional({ nullable: true, type: String, maxLength, description }),
    IsOptional(),
    IsString({ message: RU.string }),
    MaxLength(maxLength, { message: RU.maxLength }),
  );

/** The person's answer: the directory entry this row is. */
const ChosenIdField = (description: string) =>
  applyDecorators(
    ApiPropertyOptional({ format: 'uuid', description }),
    IsOptional(),
    IsUUID('all', { message: RU.uuid }),
  );

/** The person's answer: a new entry, although a similar one exists. */
const AsNewField = (description: string) =>
  applyDecorators(ApiPropertyOptional({ description }), IsOptional(), IsBoolean({ message: BOOLEAN }));

export class ImportSchoolRow {
  @ApiProperty({ example: 'МБОУ «СОШ № 1»' })
  @IsString({ message: RU.string })
  @IsNotEmpty({ message: RU.notEmpty })
  @MaxLength(500, { message: RU.maxLength })
  name!: string;

  @ApiPropertyOptional({ example: 'г. Лесосибирск', description: "Omitted: the import's municipality" })
  @IsOptional()
  @IsString({ message: RU.string })
  @MaxLength(300, { message: RU.maxLength })
  municipality?: string;

  @ApiPropertyOptional({ maxLength: 300, example: 'СШ № 1' })
  @IsOptional()
  @IsString({ message: RU.string })
  @MaxLength(300, { message: RU.maxLength })
  shortName?: string;

  @ApiPropertyOptional({
    pattern: OFFICIAL_CODE_PATTERN.source,
    description: 'ИНН (10 or 12 digits) or the ФИС ФРДО / ФИОКО code',
    example: '2454012345',
  })
  @IsOptional()
  @IsString({ message: RU.string })
  @Matches(OFFICIAL_CODE_PATTERN, {
    message:
      'поле «$property»: ИНН (10 или 12 цифр) или код ФИС ФРДО / ФИОКО — от 3 до 40 цифр, латинских букв и дефисов (получено «$value»)',
  })
  officialCode?: string;

  @ApiPropertyOptional({ maxLength: 300 })
  @IsOptional()
  @IsString({ message: RU.string })
  @MaxLength(300, { message: RU.maxLength })
  director?: string;

  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @IsString({ message: RU.string })
  @MaxLength(1000, { message: RU.maxLength })
  address?: string;

  @ApiProperty({ enum: SCHOOL_CATEGORIES, description: 'The category in the cycle it is imported for' })
  @IsIn(SCHOOL_CATEGORIES, { message: RU.enumOf(SCHOOL_CATEGORIES) })
  category!: DirectorySchoolCategory;

  @ApiProperty({ type: [String] })
  @IsArray({ message: RU.array })
  @ArrayMaxSize(20, { message: RU.arrayMax })
  @IsEmail({}, { each: true, message: RU.email })
  emails!: string[];

  @ApiPropertyOptional({ enum: ROW_STATUSES, description: 'Preview only: already in the directory or new' })
  @IsOptional()
  @IsIn(ROW_STATUSES, { message: RU.enumOf(ROW_STATUSES) })
  status?: RowStatus;

  @MatchKindField(
    'Preview only: the directory school by name or code (exact), by a spelling confirmed earlier (alias), a similar one to confirm (fuzzy), or none (a new school)',
  )
  match?: MatchKind;

  @MatchedIdField('Preview only: the school matched or resembled')
  matchedSchoolId?: string | null;

  @PreviewTextField(500, 'Preview only: its directory name')
  matchedSchoolName?: string | null;

  @PreviewTextField(1100, 'Preview only, for a fuzzy match: «"…" — это "…"?»')
  question?: string | null;

  @ChosenIdField(
    "The person's answer: this row is that directory school (of the row's municipality); its spelling becomes the school's alias. Required for a fuzzy match unless asNew",
  )
  directorySchoolId?: string;

  @AsNewField(
    "The person's answer: a new school, although a similar one is in the directory. Not with directorySchoolId",
  )
  asNew?: boolean;
}

export class ImportCuratorRow {
  @ApiProperty({ example: 'Иванова Мария Петровна' })
  @IsString({ message: RU.string })
  @IsNotEmpty({ message: RU.notEmpty })
  @MaxLength(300, { message: RU.maxLength })
  name!: string;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @IsString({ message: RU.string })
  @MaxLength(300, { message: RU.maxLength })
  position?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, description: "The curator's own school or organisation" })
  @IsOptional()
  @IsString({ message: RU.string })
  @MaxLength(500, { message: RU.maxLength })
  workplace?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, format: 'email' })
  @IsOptional()
  @IsEmail({}, { message: RU.email })
  email?: string | null;

  @ApiProperty({ type: [String], description: 'Schools curated (names)' })
  @IsArray({ message: RU.array })
  @ArrayMaxSize(100, { message: RU.arrayMax })
  @IsString({ each: true, message: RU.string })
  @MaxLength(500, { each: true, message: RU.maxLength })
  schools!: string[];

  @ApiPropertyOptional({ enum: ROW_STATUSES })
  @IsOptional()
  @IsIn(ROW_STATUSES, { message: RU.enumOf(ROW_STATUSES) })
  status?: RowStatus;

  @MatchKindField('Preview only: how the workplace met the organisations')
  workplaceMatch?: MatchKind;

  @MatchedIdField('Preview only: the organisation matched or resembled')
  workplaceMatchedId?: string | null;

  @PreviewTextField(500, 'Preview only: its directory name')
  workplaceMatchedName?: string | null;

  @PreviewTextField(1100, 'Preview only, for a fuzzy match')
  workplaceQuestion?: string | null;

  @ChosenIdField(
    "The person's answer: the workplace is this organisation (of the import's municipality, or regional); the spelling becomes its alias. Required for a fuzzy match unless workplaceAsNew",
  )
  workplaceOrganisationId?: string;

  @AsNewField("The person's answer: a new organisation, although a similar one exists")
  workplaceAsNew?: boolean;
}

export class ImportProblem {
  @ApiProperty({ description: 'Where: a row of the file or an item of the list' }) row!: string;
  @ApiProperty({ description: 'Why, in Russian' }) message!: string;
}

export class DirectoryImportPreview {
  @ApiProperty() fileName!: string;
  @ApiProperty({ nullable: true, type: String }) municipality!: string | null;
  @ApiProperty({ type: [ImportSchoolRow] }) schools!: ImportSchoolRow[];
  @ApiProperty({ type: [ImportCuratorRow] }) curators!: ImportCuratorRow[];
  @ApiProperty({ type: [ImportProblem], description: 'Rows that will not be stored, each with its reason' })
  problems!: ImportProblem[];
}

/** Multipart form fields next to the file. */
export class DirectoryImportOptionsDto {
  @ApiPropertyOptional({ example: 'г. Лесосибирск', description: 'Municipality of rows that name none' })
  @IsOptional()
  @IsString({ message: RU.string })
  @IsNotEmpty({ message: RU.notEmpty })
  @MaxLength(300, { message: RU.maxLength })
  municipality?: string;
}

/** The (possibly edited) preview rows; `municipality` as in the preview. */
export class ConfirmDirectoryImportDto extends DirectoryImportOptionsDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Cycle whose curator assignments the curators become' })
  @IsOptional()
  @IsUUID('all', { message: RU.uuid })
  cycleId?: string;

  @ApiProperty({ type: [ImportSchoolRow] })
  @IsArray({ message: RU.array })
  @ArrayMaxSize(5000, { message: RU.arrayMax })
  @ValidateNested({ each: true })
  @Type(() => ImportSchoolRow)
  schools!: ImportSchoolRow[];

  @ApiProperty({ type: [ImportCuratorRow] })
  @IsArray({ message: RU.array })
  @ArrayMaxSize(5000, { message: RU.arrayMax })
  @ValidateNested({ each: true })
  @Type(() => ImportCuratorRow)
  curators!: ImportCuratorRow[];
}

export class ImportCounts {
  @ApiProperty() municipalities!: number;
  @ApiProperty() schools!: number;
  @ApiProperty() organisations!: number;
  @ApiProperty() people!: number;
  @ApiProperty() curatorAssignments!: number;
}

export class DirectoryImportResult {
  @ApiProperty({ type: ImportCounts, description: 'Entries the import created' }) created!: ImportCounts;
  @ApiProperty({ type: ImportCounts, description: 'Entries it found already known' }) matched!: ImportCounts;
  @ApiProperty({ type: ImportCounts, description: 'Of the known entries, those whose fields the import changed' })
  updated!: ImportCounts;
}

export const PERSON_ROW_STATUSES = ['new', 'changed', 'known'] as const;

/** One person of a people table; `organisation` is a name, matched within the import's municipality. */
export class ImportPersonRow {
  @ApiPropertyOptional({ description: 'Where the row is in the file (line, or sheet!row)', maxLength: 100 })
  @IsOptional()
  @IsString({ message: RU.string })
  @MaxLength(100, { message: RU.maxLength })
  row?: string;

  @ApiProperty({ example: 'Смирнов Петр Ильич', maxLength: 300 })
  @IsString({ message: RU.string })
  @IsNotEmpty({ message: RU.notEmpty })
  @MaxLength(300, { message: RU.maxLength })
  fullName!: string;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 300 })
  @IsOptional()
  @IsString({ message: RU.string })
  @MaxLength(300, { message: RU.maxLength })
  position?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, format: 'email', maxLength: 320 })
  @IsOptional()
  @IsEmail({}, { message: RU.email })
  @MaxLength(320, { message: RU.maxLength })
  email?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 40 })
  @IsOptional()
  @IsString({ message: RU.string })
  @MaxLength(40, { message: RU.maxLength })
  phone?: string | null;

  @ApiProperty({ example: 'МБУ «МИМЦ»', maxLength: 500 })
  @IsString({ message: RU.string })
  @IsNotEmpty({ message: RU.notEmpty })
  @MaxLength(500, { message: RU.maxLength })
  organisation!: string;

  @ApiPropertyOptional({
    enum: PERSON_ROW_STATUSES,
    description: 'Preview only: a new person, a known one whose fields the import changes, or known as is',
  })
  @IsOptional()
  @IsIn(PERSON_ROW_STATUSES, { message: RU.enumOf(PERSON_ROW_STATUSES) })
  status?: (typeof PERSON_ROW_STATUSES)[number];

  @ApiPropertyOptional({
    enum: ['known', 'new'],
    description: 'Preview only: the organisation is in the directory, or will be added',
  })
  @IsOptional()
  @IsIn(['known', 'new'], { message: RU.enumOf(['known', 'new']) })
  organisationStatus?: 'known' | 'new';

  @MatchKindField('Preview only: how the organisation met the directory')
  organisationMatch?: MatchKind;

  @MatchedIdField('Preview only: the organisation matched or resembled')
  matchedOrganisationId?: string | null;

  @PreviewTextField(500, 'Preview only: its directory name')
  matchedOrganisationName?: string | null;

  @PreviewTextField(1100, 'Preview only, for a fuzzy match')
  organisationQuestion?: string | null;

  @ChosenIdField(
    "The person's answer: the organisation is this one (of the import's municipality, or regional); the spelling becomes its alias. Required for a fuzzy match unless organisationAsNew",
  )
  organisationId?: string;

  @AsNewField("The person's answer: a new organisation, although a similar one exists")
  organisationAsNew?: boolean;
}

export class PersonImportProblem {
  @ApiProperty({ description: 'The row of the file, e.g. «строка 5» or «Лист1!5»' }) row!: string;
  @ApiProperty({ nullable: true, type: String, description: 'The column header as written in the file' })
  column!: string | null;
  @ApiProperty({ description: 'Why, in Russian' }) message!: string;
}

export class PeopleImportPreview {
  @ApiProperty() fileName!: string;
  @ApiProperty({ nullable: true, type: String }) municipality!: string | null;
  @ApiProperty({ type: [ImportPersonRow] }) people!: ImportPersonRow[];
  @ApiProperty({ type: [PersonImportProblem], description: 'Rows left out, each cell named with its reason' })
  problems!: PersonImportProblem[];
}

export class ConfirmPeopleImportDto extends DirectoryImportOptionsDto {
  @ApiProperty({ type: [ImportPersonRow] })
  @IsArray({ message: RU.array })
  @ArrayMaxSize(5000, { message: RU.arrayMax })
  @ValidateNested({ each: true })
  @Type(() => ImportPersonRow)
  people!: ImportPersonRow[];
}

export class PeopleImportCounts {
  @ApiProperty() people!: number;
  @ApiProperty() organisations!: number;
}

export class PeopleImportResult {
  @ApiProperty({ type: PeopleImportCounts }) created!: PeopleImportCounts;
  @ApiProperty({ type: PeopleImportCounts, description: 'Known entries whose fields the import changed' })
  updated!: PeopleImportCounts;
  @ApiProperty({ type: PeopleImportCounts, description: 'Known entries left as they were' })
  unchanged!: PeopleImportCounts;
}
