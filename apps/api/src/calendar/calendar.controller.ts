import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import { CalendarErrorCode } from '@orientir/domain';
import { Allow, CurrentActor } from '../auth/access.decorator';
import type { Actor } from '../auth/principal.model';
import { ApiErrors } from '../common/api-errors.decorator';
import { CalendarService } from './calendar.service';
import {
  CalendarImportDto,
  CalendarImportResult,
  CalendarYearQueryDto,
  CalendarYearView,
  MarkCalendarDayDto,
} from './dto/calendar.dto';

const READERS = ['admin', 'regional_coordinator', 'municipal_coordinator'] as const;
// The calendar is the whole region's: its timing moves every municipality's reminders.
const EDITORS = ['admin', 'regional_coordinator'] as const;

@ApiTags('calendar')
@Controller('calendar')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Get()
  @Allow(...READERS)
  @ApiOkResponse({ type: CalendarYearView })
  @ApiErrors(CalendarErrorCode.INVALID_CALENDAR_DAY)
  year(@Query() query: CalendarYearQueryDto): Promise<CalendarYearView> {
    return this.calendar.year(query.year);
  }

  @Post('import')
  @HttpCode(HttpStatus.OK)
  @Allow(...EDITORS)
  @ApiOkResponse({ type: CalendarImportResult })
  @ApiErrors(CalendarErrorCode.INVALID_CALENDAR_FILE)
  async import(@Body() dto: CalendarImportDto, @CurrentActor() actor: Actor): Promise<CalendarImportResult> {
    return { years: await this.calendar.importFile(dto, actor) };
  }

  @Put('days/:date')
  @Allow(...EDITORS)
  @ApiParam({ name: 'date', example: '2026-08-31', description: 'YYYY-MM-DD' })
  @ApiOkResponse({ type: CalendarYearView })
  @ApiErrors(CalendarErrorCode.INVALID_CALENDAR_DAY)
  markDay(
    @Param('date') date: string,
    @Body() dto: MarkCalendarDayDto,
    @CurrentActor() actor: Actor,
  ): Promise<CalendarYearView> {
    return this.calendar.markDay(date, dto, actor);
  }

  @Delete('days/:date')
  @Allow(...EDITORS)
  @ApiParam({ name: 'date', example: '2026-08-31', description: 'YYYY-MM-DD' })
  @ApiOkResponse({ type: CalendarYearView })
  @ApiErrors(CalendarErrorCode.INVALID_CALENDAR_DAY)
  unmarkDay(@Param('date') date: string, @CurrentActor() actor: Actor): Promise<CalendarYearView> {
    return this.calendar.unmarkDay(date, actor);
  }

  @Delete('years/:year')
  @Allow(...EDITORS)
  @ApiParam({ name: 'year', example: '2027' })
  @ApiOkResponse({ type: CalendarYearView })
  @ApiErrors(CalendarErrorCode.INVALID_CALENDAR_DAY)
  resetYear(@Param('year') year: string, @CurrentActor() actor: Actor): Promise<CalendarYearView> {
    return this.calendar.deleteYear(year, actor);
  }
}
