import { Module } from '@nestjs/common';
import { IdentityModule } from '@samverka/identity';
import { OrganisationModule } from '@samverka/organisation';
import { ShellModule } from '../shell/shell.module';
import { StartPagesController } from './pages/start-pages.controller';

/** The start page: what the signed-in user has to do. */
@Module({
  imports: [ShellModule, OrganisationModule, IdentityModule],
  controllers: [StartPagesController],
})
export class StartPagesModule {}
