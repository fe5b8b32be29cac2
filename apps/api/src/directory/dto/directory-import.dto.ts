import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEmail,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { SCHOOL_CATEGORIES, type DirectorySchoolCategory } from '@orientir/domain';
import { RU } from '../../common/russian-messages.util';

export const ROW_STATUSES = ['new', 'known'] as const;
export type RowStatus = (typeof ROW_STATUSES)[number];

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
}
