import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { IsTimeZone } from '../../common/is-time-zone.validator';
import { RU } from '../../common/russian-messages.util';

/** Multipart form fields next to the file. */
export class ImportOptionsDto {
  @ApiPropertyOptional({ example: 2023, description: 'Year for months without one; by default read from the document' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: RU.int })
  @Min(2000, { message: RU.range })
  @Max(2100, { message: RU.range })
  year?: number;

  @ApiPropertyOptional({ example: 'Asia/Irkutsk' })
  @IsOptional()
  @IsTimeZone({ message: RU.timezone })
  timezone?: string;
}
