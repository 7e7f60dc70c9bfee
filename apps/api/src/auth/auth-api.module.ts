import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { IdentityModule } from '@samverka/identity';
import { NeedsModule } from '@samverka/needs';
import { OrganisationModule } from '@samverka/organisation';
import { RoundsModule } from '@samverka/rounds';
import { AccessGuard } from './access.guard';
import { AuthController } from './api/auth.controller';
import { UsersController } from './api/users.controller';

/** Sign-in over the API, the admin's user management, and the one guard every route passes (it asks the contexts' access policies). */
@Module({
  imports: [IdentityModule, OrganisationModule, RoundsModule, NeedsModule],
  controllers: [AuthController, UsersController],
  providers: [AccessGuard, { provide: APP_GUARD, useExisting: AccessGuard }],
  exports: [IdentityModule],
})
export class AuthApiModule {}
