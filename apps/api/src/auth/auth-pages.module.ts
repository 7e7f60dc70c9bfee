import { Module } from '@nestjs/common';
import { IdentityModule } from '@samverka/identity';
import { ShellModule } from '../shell/shell.module';
import { SignInPagesController } from './pages/sign-in-pages.controller';

/** The sign-in page (with a password) and signing out. */
@Module({
  imports: [ShellModule, IdentityModule],
  controllers: [SignInPagesController],
})
export class AuthPagesModule {}
