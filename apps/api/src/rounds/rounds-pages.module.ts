import { Module } from '@nestjs/common';
import { ConsultationModule } from '@samverka/consultation';
import { OrganisationModule } from '@samverka/organisation';
import { RoundsModule } from '@samverka/rounds';
import { ShellModule } from '../shell/shell.module';
import { RoundsPagesController } from './pages/rounds-pages.controller';

/** The plan rounds' pages: the list, a new round, a round with its steps. */
@Module({
  imports: [ShellModule, OrganisationModule, RoundsModule, ConsultationModule],
  controllers: [RoundsPagesController],
})
export class RoundsPagesModule {}
