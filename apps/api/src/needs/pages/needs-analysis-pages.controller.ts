import { Controller, Get, Param, Query, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Principal } from '@samverka/identity';
import { NeedsAnalysisService, ReferenceDataService } from '@samverka/needs';
import { PlanRoundQueryService, roundReadScope } from '@samverka/rounds';
import type { FastifyReply } from 'fastify';
import { admin, fromParam, participantOfRound, strategist } from '../../auth/access-rules';
import { Allow } from '../../auth/allow.decorator';
import { CurrentPrincipal } from '../../auth/request-principal';
import { UuidParam } from '../../shell/uuid-param';
import { analysisChoices, buildNeedsAnalysisPage, readAnalysisFilter } from './needs-analysis-page.presenter';
import { ROUNDS_PATH, ViewRenderer } from '../../shell/view-renderer';
import { WebExceptionFilter } from '../../shell/web-exception.filter';

const ROUND = UuidParam('Planomgången');

/**
 * Behovsanalys at /planomgangar/:id/analys: the round's needs counted by
 * area × channel, district × target group and department × area, as tables
 * and heat maps, with the gaps and the downloads. The readers of the needs
 * list read it, over the departments their scope shows them (the service
 * applies it); the filter is a GET form, read from the query string.
 */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller(`${ROUNDS_PATH.slice(1)}/:id/analys`)
export class NeedsAnalysisPagesController {
  constructor(
    private readonly rounds: PlanRoundQueryService,
    private readonly analysis: NeedsAnalysisService,
    private readonly reference: ReferenceDataService,
    private readonly views: ViewRenderer,
  ) {}

  @Get()
  @Allow(admin(), strategist(), participantOfRound(fromParam('id')))
  async show(@CurrentPrincipal() principal: Principal, @Param('id', ROUND) id: string, @Query() query: Record<string, unknown>, @Res() reply: FastifyReply): Promise<void> {
    const scope = roundReadScope(principal);
    const [round, channels, districts, targetGroups] = await Promise.all([
      this.rounds.basics(id),
      this.reference.list('channel', true),
      this.reference.list('district', true),
      this.reference.list('target_group', true),
    ]);
    const reference = { channels, districts, targetGroups };
    const choices = analysisChoices(round, scope, reference);
    const filter = readAnalysisFilter(query, choices);
    const analysis = await this.analysis.analyse(id, scope, filter);
    await this.views.send(reply, 'needs-analysis', await buildNeedsAnalysisPage({ round, analysis, filter, choices, reference }));
  }
}
