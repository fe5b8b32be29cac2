import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { RU } from '../../common/russian-messages.util';

export const MAX_CALENDAR_FILE_CHARS = 1_000_000;
const KINDS = ['day_off', 'working'] as const;

export class CalendarImportDto {
  @ApiProperty({ example: 'calendar-2027.xml', maxLength: 200 })
  @IsString({ message: RU.string })
  @MinLength(1, { message: RU.notEmpty })
  @MaxLength(200, { message: RU.maxLength })
  fileName!: string;

  @ApiProperty({
    description:
      'The file as text: the xmlcalendar XML (`<calendar year="2027"><days><day d="01.01" t="1"/>…`, d is MM.DD), the open-data CSV (a row per year, a column per month) or a CSV of days (`2027-05-04;выходной;note`)',
    maxLength: MAX_CALENDAR_FILE_CHARS,
  })
  @IsString({ message: RU.string })
  @MinLength(1, { message: RU.notEmpty })
  @MaxLength(MAX_CALENDAR_FILE_CHARS, { message: RU.maxLength })
  content!: string;
}

export class MarkCalendarDayDto {
  @ApiProperty({
    enum: KINDS,
    description: 'day_off: a non-working day (e.g. a regional holiday); working: a working day',
  })
  @IsIn(KINDS, { message: RU.enumOf(KINDS) })
  kind!: (typeof KINDS)[number];

  @ApiPropertyOptional({ example: 'День Республики', maxLength: 200 })
  @IsOptional()
  @IsString({ message: RU.string })
  @MaxLength(200, { message: RU.maxLength })
  note?: string;
}

export const CALENDAR_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

export class CalendarYearQueryDto {
  @ApiProperty({ example: '2026', pattern: '^\\d{4}$', description: 'Year 2000–2100' })
  @Matches(/^\d{4}$/, { message: 'поле «year» должно быть годом из четырёх цифр (получено «$value»)' })
  year!: string;
}

export class CalendarDayView {
  @ApiProperty({ example: '2026-01-09' }) date!: string;
  @ApiProperty({ description: 'Whether the day is a working day in effect' }) working!: boolean;
  @ApiProperty({ enum: ['calendar', 'marked'], description: 'calendar: the year’s calendar; marked: marked by hand' })
  origin!: 'calendar' | 'marked';
  @ApiProperty() note!: string;
}

export class CalendarYearView {
  @ApiProperty() year!: number;
  @ApiProperty({ description: 'Working days in effect (calendar and marked days)' }) workingDays!: number;
  @ApiProperty() source!: string;
  @ApiProperty({ description: 'Only a draft decree is known for the shipped year' }) provisional!: boolean;
  @ApiProperty({ description: 'The year comes from a loaded file, not the shipped data' }) loaded!: boolean;
  @ApiProperty({ type: [CalendarDayView], description: 'Every day that differs from Monday–Friday working' })
  days!: CalendarDayView[];
}

export class CalendarImportResult {
  @ApiProperty({ type: [CalendarYearView] }) years!: CalendarYearView[];
}
