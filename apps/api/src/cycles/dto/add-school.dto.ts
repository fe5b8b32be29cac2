import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, ValidateNested } from 'class-validator';
import { RU } from '../../common/russian-messages.util';
import { CuratorDto, SchoolDto } from './create-cycle.dto';

/** A curator of the school being added (the school is implied). */
export class AddedSchoolCuratorDto extends OmitType(CuratorDto, ['schools'] as const) {}

/** A school joining a running cycle: the same fields as at creation, with its curators. */
export class AddSchoolDto extends SchoolDto {
  @ApiPropertyOptional({ type: [AddedSchoolCuratorDto], maxItems: 20 })
  @IsOptional()
  @IsArray({ message: RU.array })
  @ArrayMaxSize(20, { message: RU.arrayMax })
  @ValidateNested({ each: true })
  @Type(() => AddedSchoolCuratorDto)
  curators?: AddedSchoolCuratorDto[];
}

export class AddedSchoolView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() category!: string;
  @ApiProperty({ nullable: true, type: String }) municipality!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) directorySchoolId!: string | null;
  @ApiProperty() workflowId!: string;
  @ApiProperty({
    description:
      'true: its workflow was started (or already ran); false: Temporal was unreachable, the school is stored and a relaunch (POST /cycles/:id/launch) starts it',
  })
  started!: boolean;
}
