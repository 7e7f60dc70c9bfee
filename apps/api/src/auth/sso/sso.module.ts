import { Module } from '@nestjs/common';
import { IdentityModule } from '@samverka/identity';
import { ShellModule } from '../../shell/shell.module';
import { SsoController } from './sso.controller';

/** Signing in through the municipality's identity provider (OpenID Connect), when OIDC_* is configured. */
@Module({
  imports: [IdentityModule, ShellModule],
  controllers: [SsoController],
})
export class SsoModule {}
