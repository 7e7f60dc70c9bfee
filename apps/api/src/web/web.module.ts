import { Module } from '@nestjs/common';
import { OrganisationModule } from '@samverka/organisation';
import { DepartmentsPageController } from './controllers/departments.controller';
import { StartController } from './controllers/start.controller';
import { ViewRenderer } from './view-renderer';
import { WebAssets } from './web-assets';
import { WebExceptionFilter } from './web-exception.filter';

/** The Swedish, server-rendered web UI (GOV.UK Frontend markup, Handlebars views, no JavaScript). */
@Module({
  imports: [OrganisationModule],
  controllers: [StartController, DepartmentsPageController],
  providers: [WebAssets, ViewRenderer, WebExceptionFilter],
})
export class WebModule {}
