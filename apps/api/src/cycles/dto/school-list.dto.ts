import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { SCHOOL_CATEGORIES, SCHOOL_YEAR_STAGES } from '@orientir/domain';
import type { SchoolListSort } from '@orientir/persistence';
import { RU } from '../../common/russian-messages.util';

export const SCHOOL_LIST_STAGES = ['not_started', ...SCHOOL_YEAR_STAGES, 'completed', 'withdrawn'] as const;
const SORTS: readonly SchoolListSort[] = ['name', 'municipality', 'stage', 'round', 'dueAt', 'updatedAt'];
const DIRECTIONS = ['asc', 'desc'] as const;
const BOOLEANS = ['true', 'false'] as const;

/** A query parameter given once or repeated (`?stage=a&stage=b`) is a list either way. */
const asList = () => Transform(({ value }: { value: unknown }) => (Array.isArray(value) ? value : [value]));

export class SchoolListQueryDto {
  @ApiPropertyOptional({
    type: [String],
    maxItems: 100,
    description: 'Municipality names, exactly as the schools carry them (repeat the parameter for several)',
  })
  @IsOptional()
  @asList()
  @IsArray({ message: RU.array })
  @ArrayMaxSize(100, { message: RU.arrayMax })
  @IsString({ each: true, message: RU.string })
  @MaxLength(300, { each: true, message: RU.maxLength })
  municipality?: string[];

  @ApiPropertyOptional({ enum: SCHOOL_LIST_STAGES, isArray: true, description: 'Current stages (repeatable)' })
  @IsOptional()
  @asList()
  @IsArray({ message: RU.array })
  @ArrayMaxSize(SCHOOL_LIST_STAGES.length, { message: RU.arrayMax })
  @IsIn(SCHOOL_LIST_STAGES, { each: true, message: RU.enumOf(SCHOOL_LIST_STAGES) })
  stage?: string[];

  @ApiPropertyOptional({ enum: SCHOOL_CATEGORIES, isArray: true, description: 'Categories this cycle (repeatable)' })
  @IsOptional()
  @asList()
  @IsArray({ message: RU.array })
  @ArrayMaxSize(SCHOOL_CATEGORIES.length, { message: RU.arrayMax })
  @IsIn(SCHOOL_CATEGORIES, { each: true, message: RU.enumOf(SCHOOL_CATEGORIES) })
  category?: string[];

  @ApiPropertyOptional({
    enum: BOOLEANS,
    description: 'true: only schools past their current stage’s due date; false: only those that are not',
  })
  @IsOptional()
  @IsIn(BOOLEANS, { message: RU.enumOf(BOOLEANS) })
  overdue?: 'true' | 'false';

  @ApiPropertyOptional({ type: [String], maxItems: 50, description: 'Curator names (repeatable); any of them' })
  @IsOptional()
  @asList()
  @IsArray({ message: RU.array })
  @ArrayMaxSize(50, { message: RU.arrayMax })
  @IsString({ each: true, message: RU.string })
  @MaxLength(300, { each: true, message: RU.maxLength })
  curator?: string[];

  @ApiPropertyOptional({ maxLength: 200, description: 'Part of the school name, case-insensitive' })
  @IsOptional()
  @IsString({ message: RU.string })
  @MaxLength(200, { message: RU.maxLength })
  search?: string;

  @ApiPropertyOptional({ enum: SORTS, default: 'name' })
  @IsOptional()
  @IsIn(SORTS, { message: RU.enumOf(SORTS) })
  sort?: SchoolListSort;

  @ApiPropertyOptional({ enum: DIRECTIONS, default: 'asc' })
  @IsOptional()
  @IsIn(DIRECTIONS, { message: RU.enumOf(DIRECTIONS) })
  direction?: 'asc' | 'desc';

  @ApiPropertyOptional({ default: 1, minimum: 1, maximum: 10_000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: RU.int })
  @Min(1, { message: RU.range })
  @Max(10_000, { message: RU.range })
  page?: number;

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: RU.int })
  @Min(1, { message: RU.range })
  @Max(500, { message: RU.range })
  pageSize?: number;
}

export class SchoolListItemView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: SCHOOL_CATEGORIES }) category!: string;
  @ApiProperty({ nullable: true, type: String }) municipality!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'The directory school' })
  directorySchoolId!: string | null;
  @ApiProperty({ enum: SCHOOL_LIST_STAGES }) stage!: string;
  @ApiProperty({ description: 'Expertise round (1 at first; each return adds one); 0 before the workflow reports' })
  round!: number;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'When the current stage is due' })
  dueAt!: string | null;
  @ApiProperty({ description: 'Past the due date and not completed' }) overdue!: boolean;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) updatedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Why the last projection was stored without its text' })
  projectionError!: string | null;
  @ApiProperty({ type: [String], description: 'Curators assigned this cycle or granted the school' })
  curators!: string[];
  @ApiProperty() workflowId!: string;
}

export class StageCountView {
  @ApiProperty({ enum: SCHOOL_LIST_STAGES }) stage!: string;
  @ApiProperty() schools!: number;
  @ApiProperty() overdue!: number;
}

export class MunicipalityCountView {
  @ApiProperty({ nullable: true, type: String }) municipality!: string | null;
  @ApiProperty() schools!: number;
  @ApiProperty() overdue!: number;
  @ApiProperty({ type: [StageCountView], description: 'Its schools per stage' }) stages!: StageCountView[];
}

export class SchoolListView {
  @ApiProperty({ description: 'Schools matching the filters (all pages)' }) total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
  @ApiProperty({ type: [SchoolListItemView] }) items!: SchoolListItemView[];
  @ApiProperty({ type: [StageCountView], description: 'Matching schools per stage' }) byStage!: StageCountView[];
  @ApiProperty({ type: [MunicipalityCountView], description: 'Matching schools per municipality, and per stage in it' })
  byMunicipality!: MunicipalityCountView[];
}
