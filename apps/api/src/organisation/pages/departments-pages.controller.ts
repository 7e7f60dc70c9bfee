import { Body, Controller, Get, HttpStatus, Param, Post, Query, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Actor } from '@samverka/audit';
import { Principal, UserAdminService } from '@samverka/identity';
import { CommonError } from '@samverka/kernel';
import { CoordinatorAssignmentEntity, CoordinatorService, mayAdministerCoordinators, mayViewDepartment, PeopleService } from '@samverka/organisation';
import type { FastifyReply } from 'fastify';
import { admin, fromParam, ofDepartment, personOfAssignment, self, strategist } from '../../auth/access-rules';
import { Allow } from '../../auth/allow.decorator';
import { CurrentPrincipal } from '../../auth/request-principal';
import { CurrentActor } from '../../shell/current-actor.decorator';
import { UuidParam } from '../../shell/uuid-param';
import { formAction, validInput } from '../../shell/form-action';
import { APPOINT_FORM_ERRORS, readAppointForm, validateAppointForm } from './appoint-form';
import { acknowledgePath, buildAcknowledgePage } from './acknowledge-page.presenter';
import { formField } from '../../shell/form-body';
import { END_FORM_ERRORS, readEndForm, validateEndForm } from './end-form';
import { buildDepartmentList, DEPARTMENTS_PAGE_SIZE, readDepartmentListQuery } from './department-list.presenter';
import { offsetOf } from '../../shell/pagination';
import { buildDepartmentPage, DepartmentPageState, NOTICE_PARAMS, NoticeKind, readPicker } from './department-page.presenter';
import { departmentPath } from '../../shell/format';
import { ViewRenderer } from '../../shell/view-renderer';
import { WebExceptionFilter } from '../../shell/web-exception.filter';

const DEPARTMENT = UuidParam('Förvaltningen');
const ASSIGNMENT = UuidParam('Uppdraget');
/** The assignment page's query parameter after acknowledging there: ?bekraftad=1. */
const ACKNOWLEDGED_PARAM = 'bekraftad';

/** Who may see a department's page: admins, strategists, and the department's own coordinators and managers. */
const DEPARTMENT_READERS = [admin(), strategist(), ofDepartment(['coordinator', 'management'], fromParam('id'))];

/**
 * Förvaltningar: the list, a department's page, and the forms on it (appoint,
 * acknowledge, end). Admins and strategists see every department; a
 * coordinator or manager their own; only admins appoint and end; only the
 * appointed person acknowledges. Every form carries the session's CSRF token
 * (`_csrf`, checked by the AccessGuard); the form readers take only their own
 * named fields, so `_csrf` never reaches a service.
 */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller('forvaltningar')
export class DepartmentsPagesController {
  constructor(
    private readonly coordinators: CoordinatorService,
    private readonly people: PeopleService,
    private readonly users: UserAdminService,
    private readonly views: ViewRenderer,
  ) {}

  @Get()
  @Allow(admin(), strategist())
  async list(@Query() query: Record<string, unknown>, @Res() reply: FastifyReply): Promise<void> {
    const list = readDepartmentListQuery(query);
    const found = await this.coordinators.departmentCoveragePage(
      { search: list.search, state: list.filter?.state },
      { limit: DEPARTMENTS_PAGE_SIZE, offset: offsetOf(list.page, DEPARTMENTS_PAGE_SIZE) },
    );
    await this.views.send(reply, 'departments', buildDepartmentList(found, this.coordinators.today(), list));
  }

  @Get(':id')
  @Allow(...DEPARTMENT_READERS)
  async show(
    @CurrentPrincipal() principal: Principal,
    @Param('id', DEPARTMENT) id: string,
    @Query() query: Record<string, unknown>,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const notice = (Object.keys(NOTICE_PARAMS) as NoticeKind[])
      .map((kind) => ({ kind, assignmentId: query[NOTICE_PARAMS[kind]] }))
      .find((n): n is { kind: NoticeKind; assignmentId: string } => typeof n.assignmentId === 'string');
    await this.page(reply, principal, id, { notice, picker: readPicker(query) }, HttpStatus.OK);
  }

  /**
   * The forms' addresses, opened directly (a reload or a bookmark of a page
   * shown after a failed POST, or the way back after signing in again): back
   * to the department, or to the start page for an appointed person who may
   * not see the department yet (where their acknowledge button is).
   */
  @Get([':id/samordnare', ':id/uppdrag/:assignmentId/avsluta'])
  @Allow(...DEPARTMENT_READERS, self(personOfAssignment('assignmentId')))
  formAddress(@CurrentPrincipal() principal: Principal, @Param('id', DEPARTMENT) id: string, @Res() reply: FastifyReply): void {
    void reply.redirect(mayViewDepartment(principal, id) ? departmentPath(id) : '/', HttpStatus.SEE_OTHER);
  }

  @Post(':id/samordnare')
  @Allow(admin())
  async appoint(
    @CurrentPrincipal() principal: Principal,
    @CurrentActor() actor: Actor,
    @Param('id', DEPARTMENT) id: string,
    @Body() body: unknown,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    // (an unknown department is still a 404 when the form has errors: the page loads the department first)
    const values = readAppointForm(body);
    await formAction({
      posted: body,
      values,
      errors: APPOINT_FORM_ERRORS,
      run: () => this.coordinators.appoint(actor, id, validInput(validateAppointForm(values))),
      failed: (appoint) => this.page(reply, principal, id, { appoint }, appoint.status),
      done: (appointed) => this.redirect(reply, id, 'appointed', appointed.id),
    });
  }

  /**
   * One assignment's own page (the appointment email links here): what it is, and the button for the
   * appointed person. The department's readers see it without the button; anyone else is refused.
   */
  @Get(':id/uppdrag/:assignmentId/bekrafta')
  @Allow(...DEPARTMENT_READERS, self(personOfAssignment('assignmentId')))
  async acknowledgePage(
    @CurrentPrincipal() principal: Principal,
    @Param('id', DEPARTMENT) id: string,
    @Param('assignmentId', ASSIGNMENT) assignmentId: string,
    @Query(ACKNOWLEDGED_PARAM) done: unknown,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await this.acknowledgeView(reply, principal, id, assignmentId, { justAcknowledged: done !== undefined }, HttpStatus.OK);
  }

  @Post(':id/uppdrag/:assignmentId/bekrafta')
  @Allow(self(personOfAssignment('assignmentId')))
  async acknowledge(
    @CurrentPrincipal() principal: Principal,
    @CurrentActor() actor: Actor,
    @Param('id', DEPARTMENT) id: string,
    @Param('assignmentId', ASSIGNMENT) assignmentId: string,
    @Body() body: unknown,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await this.requireAssignmentIn(id, assignmentId);
    // Posted from the assignment's own page: back there, with what happened.
    if (formField(body, 'fran') === 'uppdrag') {
      await formAction({
        posted: null,
        values: {},
        errors: { fieldIdFor: () => undefined, explain: (e) => ({ errors: {}, general: [e.message] }) },
        run: () => this.coordinators.acknowledge(actor, assignmentId),
        failed: (failure) => this.acknowledgeView(reply, principal, id, assignmentId, { error: failure.general.join(' ') }, failure.status),
        done: () => void reply.redirect(`${acknowledgePath(id, assignmentId)}?${ACKNOWLEDGED_PARAM}=1`, HttpStatus.SEE_OTHER),
      });
      return;
    }
    // A person whose assignment has not started yet has no access to the department's page: the start page says
    // what happened instead, and a refusal goes to the error page.
    const onPage = mayViewDepartment(principal, id);
    await formAction({
      posted: null,
      values: {},
      errors: { fieldIdFor: () => undefined, explain: (e) => (onPage ? { errors: {}, general: [e.message] } : null) },
      run: () => this.coordinators.acknowledge(actor, assignmentId),
      failed: (failure) => this.page(reply, principal, id, { acknowledge: { assignmentId, message: failure.general.join(' ') } }, failure.status),
      done: () =>
        onPage
          ? this.redirect(reply, id, 'acknowledged', assignmentId)
          : void reply.redirect(`/?${NOTICE_PARAMS.acknowledged}=${encodeURIComponent(assignmentId)}`, HttpStatus.SEE_OTHER),
    });
  }

  @Post(':id/uppdrag/:assignmentId/avsluta')
  @Allow(admin())
  async end(
    @CurrentPrincipal() principal: Principal,
    @CurrentActor() actor: Actor,
    @Param('id', DEPARTMENT) id: string,
    @Param('assignmentId', ASSIGNMENT) assignmentId: string,
    @Body() body: unknown,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await this.requireAssignmentIn(id, assignmentId);
    const values = readEndForm(body);
    await formAction({
      posted: body,
      values,
      errors: END_FORM_ERRORS,
      run: () => this.coordinators.end(actor, assignmentId, validInput(validateEndForm(values))),
      failed: (failure) => this.page(reply, principal, id, { end: { assignmentId, ...failure } }, failure.status),
      done: () => this.redirect(reply, id, 'ended', assignmentId),
    });
  }

  private async acknowledgeView(
    reply: FastifyReply,
    principal: Principal,
    departmentId: string,
    assignmentId: string,
    state: { justAcknowledged?: boolean; error?: string },
    status: number,
  ): Promise<void> {
    const assignment = await this.requireAssignmentIn(departmentId, assignmentId);
    const model = buildAcknowledgePage({
      assignment,
      status: this.coordinators.statusOf(assignment),
      viewerPersonId: principal.personId,
      mayViewDepartment: mayViewDepartment(principal, departmentId),
      ...state,
    });
    await this.views.send(reply, 'acknowledge', model, status);
  }

  /** The department page, with what just happened or the form that failed. */
  private async page(reply: FastifyReply, principal: Principal, id: string, state: DepartmentPageState, status: number): Promise<void> {
    const access = { administer: mayAdministerCoordinators(principal), personId: principal.personId };
    // The people to choose from are for the appoint form only: nobody else gets the directory.
    // …and only once the form knows an existing person is meant, narrowed by the search when there is one.
    const picker = state.appoint ? { choice: state.appoint.values.personChoice, search: state.picker?.search ?? '' } : state.picker;
    const wantsPeople = access.administer && picker?.choice === 'existing';
    // The department and its history in one statement; for admins one more: who of them has a login.
    const [{ department, history }, people] = await Promise.all([
      this.coordinators.departmentWithHistory(id),
      wantsPeople ? this.people.list(picker.search ? { q: picker.search } : {}) : Promise.resolve([]),
    ]);
    const withLogin = access.administer ? await this.users.personIdsWithAccount([...new Set(history.map((a) => a.personId))]) : undefined;
    const model = buildDepartmentPage({ department, history, people, today: this.coordinators.today(), statusOf: (a) => this.coordinators.statusOf(a) }, state, { ...access, withLogin });
    await this.views.send(reply, 'department', model, status);
  }

  /** Post/redirect/get: 303 back to the department page, which names what was done. */
  private redirect(reply: FastifyReply, id: string, notice: NoticeKind, assignmentId: string): void {
    void reply.redirect(`${departmentPath(id)}?${NOTICE_PARAMS[notice]}=${encodeURIComponent(assignmentId)}`, HttpStatus.SEE_OTHER);
  }

  /** An assignment addressed under another department's page does not exist there. */
  private async requireAssignmentIn(departmentId: string, assignmentId: string): Promise<CoordinatorAssignmentEntity> {
    const assignment = await this.coordinators.get(assignmentId);
    if (assignment.departmentId !== departmentId) throw CommonError.notFound('Uppdraget', assignmentId);
    return assignment;
  }
}
