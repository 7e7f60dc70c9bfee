import { Module } from '@nestjs/common';
import { ConsultationModule } from '@samverka/consultation';
import { PlanModule } from '@samverka/plan';
import { RoundsModule } from '@samverka/rounds';
import { ShellModule } from '../shell/shell.module';
import { CompilationPagesController } from './pages/compilation-pages.controller';
import { ConsultationSendPagesController } from './pages/consultation-send-pages.controller';
import { ResponsePagesController } from './pages/response-pages.controller';

/** The consultation's pages: preparing the remiss, who has responded, a committee's response form, the compilation and triage. */
@Module({
  imports: [ShellModule, RoundsModule, PlanModule, ConsultationModule],
  controllers: [CompilationPagesController, ConsultationSendPagesController, ResponsePagesController],
})
export class ConsultationPagesModule {}
