import { Body, Controller, Get, Param, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentActor } from './access.decorator';
import { AccountsService } from './accounts.service';
import { CreateUserDto, UpdateUserDto } from './dto/create-user.dto';
import { MeView } from './dto/me.view';
import type { Actor } from './principal.model';
import { ApiErrors } from '../common/api-errors.decorator';
import { uuidParam } from '../common/uuid-param.pipe';
import { AuthErrorCode } from './auth.exception';

const uuid = uuidParam('учетной записи');

@ApiTags('users')
@Controller('users')
export class AccountsController {
  constructor(private readonly accounts: AccountsService) {}

  @Get()
  @Allow('admin')
  @ApiOkResponse({ type: [MeView] })
  list(): Promise<MeView[]> {
    return this.accounts.list();
  }

  @Post()
  @Allow('admin')
  @ApiCreatedResponse({ type: MeView })
  @ApiErrors(AuthErrorCode.INVALID_GRANT, AuthErrorCode.WEAK_PASSWORD, AuthErrorCode.EMAIL_TAKEN)
  create(@Body() dto: CreateUserDto, @CurrentActor() actor: Actor): Promise<MeView> {
    return this.accounts.create(dto, actor);
  }

  /** Replaces the account's grants (and its name when given). */
  @Put(':id')
  @Allow('admin')
  @ApiOkResponse({ type: MeView })
  @ApiErrors(AuthErrorCode.INVALID_GRANT, AuthErrorCode.USER_NOT_FOUND)
  update(@Param('id', uuid) id: string, @Body() dto: UpdateUserDto, @CurrentActor() actor: Actor): Promise<MeView> {
    return this.accounts.update(id, dto, actor);
  }
}
