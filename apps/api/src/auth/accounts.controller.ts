import { Body, Controller, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentActor } from './access.decorator';
import { AccountsService } from './accounts.service';
import { CreateUserDto } from './dto/create-user.dto';
import { MeView } from './dto/me.view';
import type { Actor } from './principal.model';
import { ApiErrors } from '../common/api-errors.decorator';
import { AuthErrorCode } from './auth.exception';

@ApiTags('users')
@Controller('users')
export class AccountsController {
  constructor(private readonly accounts: AccountsService) {}

  @Post()
  @Allow('admin')
  @ApiCreatedResponse({ type: MeView })
  @ApiErrors(AuthErrorCode.INVALID_GRANT, AuthErrorCode.WEAK_PASSWORD, AuthErrorCode.EMAIL_TAKEN)
  create(@Body() dto: CreateUserDto, @CurrentActor() actor: Actor): Promise<MeView> {
    return this.accounts.create(dto, actor);
  }
}
