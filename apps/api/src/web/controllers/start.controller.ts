import { Controller, Get, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { CoordinatorService, OrganisationRegistryService } from '@samverka/organisation';
import type { FastifyReply } from 'fastify';
import { buildStartPage } from '../presenters/start.presenter';
import { ViewRenderer } from '../view-renderer';
import { WebExceptionFilter } from '../web-exception.filter';

@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller()
export class StartController {
  constructor(
    private readonly registry: OrganisationRegistryService,
    private readonly coordinators: CoordinatorService,
    private readonly views: ViewRenderer,
  ) {}

  @Get()
  async start(@Res() reply: FastifyReply): Promise<void> {
    const [departments, coverage] = await Promise.all([this.registry.listDepartments({ active: true }), this.coordinators.coverage()]);
    this.views.send(reply, 'start', buildStartPage(departments.length, coverage));
  }
}
