import { Module } from '@nestjs/common';
import { IdentityModule } from '@samverka/identity';
import { WebModule } from '../web/web.module';
import { SsoController } from './sso.controller';

/** Signing in through the municipality's identity provider (OpenID Connect), when OIDC_* is configured. */
@Module({
  imports: [IdentityModule, WebModule],
  controllers: [SsoController],
})
export class SsoModule {}
