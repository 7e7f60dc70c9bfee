import { Controller, Get, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Principal } from '@samverka/identity';
import { CommonErrorCode, DomainError, TaskQueryService } from '@samverka/kernel';
import { CoordinatorAssignmentEntity, CoordinatorService, isPerson, mayViewDepartment, OrganisationRegistryService, seesAllDepartments } from '@samverka/organisation';
import { mayReadOverview } from '@samverka/overview';
import { isUUID } from 'class-validator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { signedIn } from '../../auth/access-rules';
import { Allow } from '../../auth/allow.decorator';
import { CurrentPrincipal } from '../../auth/request-principal';
import { NOTICE_PARAMS } from '../../organisation/pages/department-page.presenter';
import { buildStartPage, START_PAGE_COVERAGE_ITEMS, StartPageModel } from './start.presenter';
import { ViewRenderer } from '../../shell/view-renderer';
import { ViewerService } from '../../shell/viewer';
import { WebExceptionFilter } from '../../shell/web-exception.filter';

/**
 * The start page begins with what the signed-in user has to do (the same tasks
 * as GET /api/v1/me/tasks), then adapts to who is signed in: admins and strategists get the
 * city-wide coverage summary; coordinators and managers their department(s);
 * a committee secretary their committee; anyone with an assignment of their
 * own still to acknowledge gets it with its button.
 */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller()
export class StartPagesController {
  constructor(
    private readonly registry: OrganisationRegistryService,
    private readonly coordinators: CoordinatorService,
    private readonly viewers: ViewerService,
    private readonly views: ViewRenderer,
    private readonly tasks: TaskQueryService,
  ) {}

  @Get()
  @Allow(signedIn())
  async start(
    @CurrentPrincipal() principal: Principal,
    @Query(NOTICE_PARAMS.acknowledged) acknowledgedId: unknown,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const seesAll = seesAllDepartments(principal);
    const [viewer, overview, ownAssignments, acknowledged, tasks] = await Promise.all([
      this.viewers.of(request),
      seesAll
        ? Promise.all([this.registry.countDepartments({ active: true }), this.coordinators.coverage({ limit: START_PAGE_COVERAGE_ITEMS, offset: 0 })]).then(([activeDepartments, coverage]) => ({ activeDepartments, coverage }))
        : Promise.resolve(null),
      // The viewer's own current and upcoming assignments still to acknowledge (one query, however large the city).
      principal.personId ? this.coordinators.unacknowledgedOf(principal.personId) : Promise.resolve([]),
      this.ownAssignment(principal, acknowledgedId),
      this.tasks.tasksOf(principal),
    ]);
    const model = buildStartPage({
      tasks,
      overview,
      ownAssignments,
      departments: viewer?.departments ?? [],
      committees: viewer?.committees ?? [],
      mayViewDepartment: (id) => mayViewDepartment(principal, id),
      acknowledged,
    });
    // Stadsöversikten, for those who may read it (strategists; coordinators and managers for their departments).
    const page: StartPageModel = { ...model, cityOverviewHref: mayReadOverview(principal) ? '/oversikt' : null };
    await this.views.send(reply, 'start', page);
  }

  /** The assignment named by ?bekraftad= after acknowledging it, when it is the viewer's own. */
  private async ownAssignment(principal: Principal, id: unknown): Promise<CoordinatorAssignmentEntity | null> {
    if (typeof id !== 'string' || !isUUID(id)) return null;
    // A missing assignment shows no notice; a failing query is an error, not "not yours".
    const assignment = await this.coordinators.get(id).catch((e: unknown) => {
      if (e instanceof DomainError && e.code === CommonErrorCode.NOT_FOUND) return null;
      throw e;
    });
    return assignment && isPerson(principal, assignment.personId) && assignment.acknowledgedAt !== null ? assignment : null;
  }
}
