import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsTimeZone } from '../../common/is-time-zone.validator';
import { RU } from '../../common/russian-messages.util';

export class LaunchPreviewQueryDto {
  @ApiPropertyOptional({ example: 'Asia/Irkutsk', description: "The cycle's time zone; the roadmap's by default" })
  @IsOptional()
  @IsTimeZone({ message: RU.timezone })
  timezone?: string;
}

export class OccurrenceWindowView {
  @ApiProperty({ example: 1, minimum: 0 }) index!: number;
  @ApiProperty({ example: 'декабрь 2026 г.' }) label!: string;
  @ApiProperty({ format: 'date-time' }) opensAt!: string;
  @ApiProperty({ format: 'date-time' }) deadline!: string;
}

/** One event with occurrences already over at launch, as the event workflow would split and judge it. */
export class PastEventPreviewView {
  @ApiProperty({ example: '16', description: 'The roadmap number, as pastEventChoices names it' })
  number!: string;
  @ApiProperty({ example: '16', description: 'The source row, unique where numbers repeat' })
  sourceRow!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ example: 'Сентябрь, Декабрь', description: 'The period as the roadmap writes it' })
  periodText!: string;
  @ApiProperty({ format: 'date', example: '2026-09-01' }) start!: string;
  @ApiProperty({ format: 'date', example: '2026-12-31' }) end!: string;
  @ApiProperty({ example: 1, minimum: 1, description: 'Occurrences whose deadline is already past' })
  pastOccurrences!: number;
  @ApiProperty({ description: 'Every occurrence is past: «skip» tracks nothing of the event' })
  wholly!: boolean;
  @ApiProperty({
    type: OccurrenceWindowView,
    nullable: true,
    description: 'The occurrence «Со следующего срока» (policy skip) starts with; null when the whole period is past',
  })
  nextOccurrence!: OccurrenceWindowView | null;
}

export class LaunchPreviewView {
  @ApiProperty({ example: 'Asia/Irkutsk', description: 'The zone the periods were resolved in' })
  timezone!: string;
  @ApiProperty({ format: 'date-time', description: 'The instant «past» was judged at (now)' })
  evaluatedAt!: string;
  @ApiProperty({
    type: [PastEventPreviewView],
    description: 'Dated events with at least one occurrence already past, in roadmap order',
  })
  pastEvents!: PastEventPreviewView[];
}
