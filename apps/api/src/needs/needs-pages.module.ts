import { Module } from '@nestjs/common';
import { NeedsModule } from '@samverka/needs';
import { PlanModule } from '@samverka/plan';
import { RoundsModule } from '@samverka/rounds';
import { ShellModule } from '../shell/shell.module';
import { NeedsAnalysisPagesController } from './pages/needs-analysis-pages.controller';
import { NeedsPagesController } from './pages/needs-pages.controller';

/** A department's needs in a round (with its hand-in steps) and the round's needs analysis. */
@Module({
  imports: [ShellModule, RoundsModule, NeedsModule, PlanModule],
  controllers: [NeedsPagesController, NeedsAnalysisPagesController],
})
export class NeedsPagesModule {}
