import { Module } from '@nestjs/common';
import { IdentityModule } from '@samverka/identity';
import { OrganisationModule } from '@samverka/organisation';
import { ShellModule } from '../shell/shell.module';
import { SignInPagesController } from './pages/sign-in-pages.controller';
import { SetPasswordPagesController } from './pages/set-password-pages.controller';
import { UsersPagesController } from './pages/users-pages.controller';

/** The sign-in page (with a password) and signing out. */
@Module({
  imports: [ShellModule, IdentityModule, OrganisationModule],
  controllers: [SignInPagesController, SetPasswordPagesController, UsersPagesController],
})
export class AuthPagesModule {}
