import { Module } from '@nestjs/common';
import { IdentityModule } from '@samverka/identity';
import { ShellModule } from '../shell/shell.module';
import { SignInPagesController } from './pages/sign-in-pages.controller';
import { SetPasswordPagesController } from './pages/set-password-pages.controller';

/** The sign-in page (with a password) and signing out. */
@Module({
  imports: [ShellModule, IdentityModule],
  controllers: [SignInPagesController, SetPasswordPagesController],
})
export class AuthPagesModule {}
