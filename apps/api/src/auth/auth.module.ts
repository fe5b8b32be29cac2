import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { AccessGuard } from './access.guard';
import { AccountsController } from './accounts.controller';
import { AccountsService } from './accounts.service';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';

/** Login, sessions, API tokens, password reset, accounts, and the guard every route passes. */
@Module({
  imports: [
    // Applied per route (login, password reset, token issue) through @UseGuards(ThrottlerGuard).
    ThrottlerModule.forRoot({
      throttlers: [{ name: 'auth', ttl: 60_000, limit: 10 }],
      errorMessage: 'Слишком много попыток. Повторите через минуту',
    }),
  ],
  controllers: [AuthController, AccountsController],
  providers: [AuthService, AccountsService, { provide: APP_GUARD, useClass: AccessGuard }],
  exports: [AuthService],
})
export class AuthModule {}
