import { Body, Controller, Get, HttpCode, HttpStatus, Post, Put, Query, Res, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { Response } from 'express';
import { Allow, CurrentActor, Public } from '../auth/access.decorator';
import { AuthErrorCode } from '../auth/auth.exception';
import type { Actor } from '../auth/principal.model';
import { ApiErrors } from '../common/api-errors.decorator';
import {
  LinkSessionView,
  LinkTokenQuery,
  OptedOutPersonView,
  PreferenceView,
  RedeemLinkDto,
  SetPreferenceDto,
  TemplatePreviewView,
} from './dto/notifications.dto';
import { NotificationsService } from './notifications.service';

const MANAGERS = ['admin', 'regional_coordinator', 'municipal_coordinator'] as const;

@ApiTags('notifications')
@Controller()
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  /** The page behind a mailed link posts its token here; the answer's cookies open that one item. */
  @Post('links/redeem')
  @Public()
  @UseGuards(ThrottlerGuard)
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: LinkSessionView, description: 'Sets the session and CSRF cookies of a link session' })
  @ApiErrors(AuthErrorCode.INVALID_LINK)
  redeem(
    @Body() dto: RedeemLinkDto,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) res: Response,
  ): Promise<LinkSessionView> {
    return this.notifications.redeem(dto.token, actor, res);
  }

  /** RFC 8058 one-click unsubscribe (List-Unsubscribe-Post): no sign-in, any body. */
  @Post('notifications/unsubscribe')
  @Public()
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: PreferenceView })
  @ApiErrors(AuthErrorCode.INVALID_LINK)
  unsubscribe(@Query() query: LinkTokenQuery, @CurrentActor() actor: Actor): Promise<PreferenceView> {
    return this.notifications.unsubscribe(query.token, actor);
  }

  @Get('notifications/preference')
  @Public()
  @ApiOkResponse({ type: PreferenceView })
  @ApiErrors(AuthErrorCode.INVALID_LINK)
  preference(@Query() query: LinkTokenQuery): Promise<PreferenceView> {
    return this.notifications.preference(query.token);
  }

  @Put('notifications/preference')
  @Public()
  @ApiOkResponse({ type: PreferenceView })
  @ApiErrors(AuthErrorCode.INVALID_LINK)
  setPreference(
    @Query() query: LinkTokenQuery,
    @Body() dto: SetPreferenceDto,
    @CurrentActor() actor: Actor,
  ): Promise<PreferenceView> {
    return this.notifications.setPreference(query.token, dto, actor);
  }

  @Get('notifications/opted-out')
  @Allow(...MANAGERS)
  @ApiOkResponse({ type: [OptedOutPersonView] })
  optedOut(@CurrentActor() actor: Actor): Promise<OptedOutPersonView[]> {
    return this.notifications.optedOut(actor);
  }

  /** Every letter rendered with sample data by the code that sends it. */
  @Get('notifications/templates')
  @Allow(...MANAGERS)
  @ApiOkResponse({ type: [TemplatePreviewView] })
  templates(): TemplatePreviewView[] {
    return this.notifications.templates();
  }
}
