import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { IdentityModule } from '@samverka/identity';
import { AccessGuard } from './access.guard';
import { AuthController } from './api/auth.controller';
import { UsersController } from './api/users.controller';

/** Sign-in over the API, the admin's user management, and the one guard every route passes. */
@Module({
  imports: [IdentityModule],
  controllers: [AuthController, UsersController],
  providers: [{ provide: APP_GUARD, useClass: AccessGuard }],
  exports: [IdentityModule],
})
export class AuthApiModule {}
