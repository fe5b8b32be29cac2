import { ExecutorMatchView } from '../../directory/dto/directory.view';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { RU } from '../../common/russian-messages.util';

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
    description: 'The canonical roadmap (see libs/roadmap-import/src/schema/roadmap.schema.json); nothing is saved yet',
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
  @ApiProperty() roadmap!: Record<string, unknown>;
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
}
