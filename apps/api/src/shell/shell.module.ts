import { Module } from '@nestjs/common';
import { IdentityModule } from '@samverka/identity';
import { OrganisationModule } from '@samverka/organisation';
import { ViewRenderer } from './view-renderer';
import { ViewerService } from './viewer';
import { WebAssets } from './web-assets';
import { WebExceptionFilter } from './web-exception.filter';

/**
 * The shell of the Swedish, server-rendered web UI (GOV.UK Frontend markup,
 * Handlebars views, no JavaScript): the renderer with its layout and partials,
 * the stylesheet, the viewer and the error page. Each feature's pages module
 * imports it and adds its own page controllers.
 */
@Module({
  imports: [OrganisationModule, IdentityModule],
  providers: [WebAssets, ViewerService, ViewRenderer, WebExceptionFilter],
  exports: [WebAssets, ViewerService, ViewRenderer, WebExceptionFilter],
})
export class ShellModule {}
