import { Module } from '@nestjs/common';
import { IdentityModule } from '@samverka/identity';
import { NeedsModule } from '@samverka/needs';
import { NotificationsModule } from '@samverka/notifications';
import { OrganisationModule } from '@samverka/organisation';
import { RoundsModule } from '@samverka/rounds';
import { DepartmentsPageController } from './controllers/departments.controller';
import { NeedsAnalysisPageController } from './controllers/needs-analysis.controller';
import { NeedsPageController } from './controllers/needs.controller';
import { NotificationsPageController } from './controllers/notifications.controller';
import { RoundsPageController } from './controllers/rounds.controller';
import { SignInController } from './controllers/sign-in.controller';
import { StartController } from './controllers/start.controller';
import { ViewRenderer } from './view-renderer';
import { ViewerService } from './viewer';
import { WebAssets } from './web-assets';
import { WebExceptionFilter } from './web-exception.filter';

/** The Swedish, server-rendered web UI (GOV.UK Frontend markup, Handlebars views, no JavaScript), with its sign-in and sign-out. */
@Module({
  imports: [OrganisationModule, IdentityModule, NotificationsModule, RoundsModule, NeedsModule],
  controllers: [StartController, DepartmentsPageController, RoundsPageController, NeedsPageController, NeedsAnalysisPageController, SignInController, NotificationsPageController],
  providers: [WebAssets, ViewerService, ViewRenderer, WebExceptionFilter],
  exports: [ViewRenderer, WebExceptionFilter],
})
export class WebModule {}
