// Risk profiles of a running cycle's schools from a table: the preview (stores nothing) and the confirm
// that sends each school's profile to its workflow.
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayNotEmpty, IsArray, IsUUID, ValidateNested } from 'class-validator';
import { RU } from '../../common/russian-messages.util';
import { RiskProfileDto } from './school-action.dto';

export const RISK_PROFILE_ROW_STATUSES = ['apply', 'unchanged', 'refused'] as const;
export type RiskProfileRowStatus = (typeof RISK_PROFILE_ROW_STATUSES)[number];

export const RISK_PROFILE_OUTCOMES = ['applied', 'stored_for_start', 'unchanged', 'refused'] as const;
export type RiskProfileOutcome = (typeof RISK_PROFILE_OUTCOMES)[number];

export class RiskDirectionView {
  @ApiProperty({ example: 'teacher_shortage' }) id!: string;
  @ApiProperty({ example: 'Дефицит педагогических кадров' }) title!: string;
}

export class RiskProfileImportRow {
  @ApiProperty({ description: 'Where the row is in the file (line, or sheet!row)' }) row!: string;
  @ApiProperty({ format: 'uuid', description: "The cycle's school the row names" }) schoolId!: string;
  @ApiProperty({ description: "The school's name in the cycle" }) schoolName!: string;
  @ApiProperty({ type: [String], description: 'Ids of the directions marked «да», in the cycle order' })
  flaggedDirections!: string[];
  @ApiProperty({
    enum: RISK_PROFILE_ROW_STATUSES,
    description:
      'apply: the school is at «Рисковый профиль» (or not started yet); unchanged: it already has this profile; refused: see reason',
  })
  status!: RiskProfileRowStatus;
  @ApiProperty({ nullable: true, type: String, description: 'Why the row will not change the school (Russian)' })
  reason!: string | null;
}

export class RiskProfileImportProblem {
  @ApiProperty({ description: 'The row of the file, e.g. «строка 5», or «заголовок»' }) row!: string;
  @ApiProperty({ nullable: true, type: String, description: 'The column header as written in the file' })
  column!: string | null;
  @ApiProperty({ description: 'Why, in Russian' }) message!: string;
}

export class RiskProfileImportPreview {
  @ApiProperty({ format: 'uuid' }) cycleId!: string;
  @ApiProperty() fileName!: string;
  @ApiProperty({ type: [RiskDirectionView], description: "The cycle's risk directions" })
  directions!: RiskDirectionView[];
  @ApiProperty({ type: [RiskProfileImportRow] }) rows!: RiskProfileImportRow[];
  @ApiProperty({ type: [RiskProfileImportProblem], description: 'Rows left out, each with its reason' })
  problems!: RiskProfileImportProblem[];
  @ApiProperty({ type: [String], description: 'Headers neither a school column nor a direction (not imported)' })
  ignoredColumns!: string[];
  @ApiProperty({ type: [String], description: 'Directions without a column: read as «нет» for every school' })
  missingDirections!: string[];
}

export class RiskProfileChoice extends RiskProfileDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: RU.uuid })
  schoolId!: string;
}

export class ConfirmRiskProfileImportDto {
  @ApiProperty({ type: [RiskProfileChoice], minItems: 1, maxItems: 5000 })
  @IsArray({ message: RU.array })
  @ArrayNotEmpty({ message: RU.arrayNotEmpty })
  @ArrayMaxSize(5000, { message: RU.arrayMax })
  @ValidateNested({ each: true })
  @Type(() => RiskProfileChoice)
  profiles!: RiskProfileChoice[];
}

export class RiskProfileImportOutcome {
  @ApiProperty({ format: 'uuid' }) schoolId!: string;
  @ApiProperty() schoolName!: string;
  @ApiProperty({
    enum: RISK_PROFILE_OUTCOMES,
    description:
      "applied: the workflow took it; stored_for_start: the school's workflow had not started, it starts with it; unchanged; refused: see message",
  })
  outcome!: RiskProfileOutcome;
  @ApiProperty({ nullable: true, type: String, description: 'Why it was refused (Russian)' })
  message!: string | null;
}

export class RiskProfileImportResult {
  @ApiProperty() applied!: number;
  @ApiProperty() unchanged!: number;
  @ApiProperty() refused!: number;
  @ApiProperty({ type: [RiskProfileImportOutcome] }) results!: RiskProfileImportOutcome[];
}
