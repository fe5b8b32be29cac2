import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Res, UseGuards } from '@nestjs/common';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { Response } from 'express';
import { ROLES } from '@orientir/auth';
import { Allow, CurrentActor, Public } from './access.decorator';
import { AuthService } from './auth.service';
import { ApiTokenView, CreateApiTokenDto, IssuedApiTokenView } from './dto/api-token.dto';
import { LoginDto } from './dto/login.dto';
import { LoginView, MeView, MessageView } from './dto/me.view';
import { PasswordResetConfirmDto, PasswordResetRequestDto } from './dto/password-reset.dto';
import type { Actor } from './principal.model';
import { uuidParam } from '../common/uuid-param.pipe';
import { ApiErrors } from '../common/api-errors.decorator';
import { AuthErrorCode } from './auth.exception';
import { LinkScoped } from './link-scope.util';

const uuid = uuidParam('токена');

/** Signed-in account of any role. */
const ANY_ROLE = ROLES;

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @Public()
  @UseGuards(ThrottlerGuard)
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: LoginView, description: 'Sets the httpOnly session cookie and the CSRF cookie' })
  @ApiErrors(AuthErrorCode.INVALID_CREDENTIALS)
  login(
    @Body() dto: LoginDto,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) res: Response,
  ): Promise<LoginView> {
    return this.auth.login(dto, actor, res);
  }

  @Post('logout')
  @Allow(...ANY_ROLE)
  @LinkScoped()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse()
  logout(@CurrentActor() actor: Actor, @Res({ passthrough: true }) res: Response): Promise<void> {
    return this.auth.logout(actor, res);
  }

  @Post('logout-everywhere')
  @Allow(...ANY_ROLE)
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'Every session and API token of the account is revoked' })
  logoutEverywhere(@CurrentActor() actor: Actor, @Res({ passthrough: true }) res: Response): Promise<void> {
    return this.auth.logoutEverywhere(actor, res);
  }

  @Get('me')
  @Allow(...ANY_ROLE)
  @LinkScoped()
  @ApiOkResponse({ type: MeView })
  me(@CurrentActor() actor: Actor): Promise<MeView> {
    return this.auth.me(actor);
  }

  @Post('tokens')
  @Allow(...ANY_ROLE)
  @UseGuards(ThrottlerGuard)
  @ApiCreatedResponse({ type: IssuedApiTokenView })
  createToken(@Body() dto: CreateApiTokenDto, @CurrentActor() actor: Actor): Promise<IssuedApiTokenView> {
    return this.auth.createApiToken(dto, actor);
  }

  @Get('tokens')
  @Allow(...ANY_ROLE)
  @ApiOkResponse({ type: [ApiTokenView] })
  listTokens(@CurrentActor() actor: Actor): Promise<ApiTokenView[]> {
    return this.auth.listApiTokens(actor);
  }

  @Delete('tokens/:id')
  @Allow(...ANY_ROLE)
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse()
  @ApiErrors(AuthErrorCode.TOKEN_NOT_FOUND)
  revokeToken(@Param('id', uuid) id: string, @CurrentActor() actor: Actor): Promise<void> {
    return this.auth.revokeApiToken(id, actor);
  }

  @Post('password-reset')
  @Public()
  @UseGuards(ThrottlerGuard)
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiAcceptedResponse({ type: MessageView })
  requestPasswordReset(@Body() dto: PasswordResetRequestDto, @CurrentActor() actor: Actor): MessageView {
    return this.auth.requestPasswordReset(dto, actor);
  }

  @Post('password-reset/confirm')
  @Public()
  @UseGuards(ThrottlerGuard)
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: MessageView })
  @ApiErrors(AuthErrorCode.INVALID_RESET_TOKEN, AuthErrorCode.WEAK_PASSWORD)
  confirmPasswordReset(@Body() dto: PasswordResetConfirmDto, @CurrentActor() actor: Actor): Promise<MessageView> {
    return this.auth.confirmPasswordReset(dto, actor);
  }
}
