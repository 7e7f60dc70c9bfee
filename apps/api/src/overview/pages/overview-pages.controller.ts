import { Controller, Get, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Principal } from '@samverka/identity';
import { OverviewService, overviewScope } from '@samverka/overview';
import type { FastifyReply } from 'fastify';
import { departmentPeople, strategist } from '../../auth/access-rules';
import { Allow } from '../../auth/allow.decorator';
import { CurrentPrincipal } from '../../auth/request-principal';
import { ViewRenderer } from '../../shell/view-renderer';
import { WebExceptionFilter } from '../../shell/web-exception.filter';
import { buildOverviewPage, OVERVIEW_PATH } from './overview-page.presenter';

/** Stadsöversikten: strategists see the whole city, coordinators and managers their own departments; others are refused. */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller(OVERVIEW_PATH.slice(1))
export class OverviewPagesController {
  constructor(
    private readonly overview: OverviewService,
    private readonly views: ViewRenderer,
  ) {}

  @Get()
  @Allow(strategist(), departmentPeople())
  async show(@CurrentPrincipal() principal: Principal, @Res() reply: FastifyReply): Promise<void> {
    await this.views.send(reply, 'city-overview', buildOverviewPage(await this.overview.overview(overviewScope(principal)!)));
  }
}
