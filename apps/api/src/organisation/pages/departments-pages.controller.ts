import { Body, Controller, Get, HttpStatus, Param, Post, Query, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Actor } from '@samverka/audit';
import { Principal } from '@samverka/identity';
import { CommonError, CommonErrorCode, DomainError } from '@samverka/kernel';
import { CoordinatorService, mayAdministerCoordinators, mayViewDepartment, OrganisationRegistryService, PeopleService } from '@samverka/organisation';
import type { FastifyReply } from 'fastify';
import { admin, fromParam, ofDepartment, personOfAssignment, self, strategist } from '../../auth/access-rules';
import { Allow } from '../../auth/allow.decorator';
import { CurrentPrincipal } from '../../auth/request-principal';
import { CurrentActor } from '../../shell/current-actor.decorator';
import { ErrorCode, httpStatusFor } from '../../shell/domain-exception.filter';
import { UuidParam } from '../../shell/uuid-param';
import { appointErrorsFrom, readAppointForm, validateAppointForm } from './appoint-form';
import { endErrorsFrom, readEndForm, validateEndForm } from './end-form';
import { buildDepartmentList } from './department-list.presenter';
import { buildDepartmentPage, DepartmentPageState, NOTICE_PARAMS, NoticeKind } from './department-page.presenter';
import { departmentPath } from '../../shell/format';
import { ViewRenderer } from '../../shell/view-renderer';
import { WebExceptionFilter } from '../../shell/web-exception.filter';

const DEPARTMENT = UuidParam('Förvaltningen');
const ASSIGNMENT = UuidParam('Uppdraget');

/** Who may see a department's page: admins, strategists, and the department's own coordinators and managers. */
const DEPARTMENT_READERS = [admin(), strategist(), ofDepartment(['coordinator', 'management'], fromParam('id'))];

/** A refusal the page can explain (a form error); anything else goes to the error page. */
const expected = (e: unknown): e is DomainError => e instanceof DomainError && e.code !== CommonErrorCode.NOT_FOUND;

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
    private readonly registry: OrganisationRegistryService,
    private readonly coordinators: CoordinatorService,
    private readonly people: PeopleService,
    private readonly views: ViewRenderer,
  ) {}

  @Get()
  @Allow(admin(), strategist())
  async list(@Query('status') status: unknown, @Res() reply: FastifyReply): Promise<void> {
    const [departments, assignments] = await Promise.all([this.registry.listDepartments(), this.coordinators.currentByDepartment()]);
    const model = buildDepartmentList(departments, assignments, this.coordinators.today(), typeof status === 'string' ? status : undefined);
    await this.views.send(reply, 'departments', model);
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
    await this.page(reply, principal, id, { notice }, HttpStatus.OK);
  }

  /**
   * The forms' addresses, opened directly (a reload or a bookmark of a page
   * shown after a failed POST, or the way back after signing in again): back
   * to the department, or to the start page for an appointed person who may
   * not see the department yet (where their acknowledge button is).
   */
  @Get([':id/samordnare', ':id/uppdrag/:assignmentId/bekrafta', ':id/uppdrag/:assignmentId/avsluta'])
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
    const values = readAppointForm(body);
    const { input, ...formErrors } = validateAppointForm(values);
    if (!input) {
      // (an unknown department is still a 404: the page loads the department first)
      return this.page(reply, principal, id, { appoint: { values, ...formErrors, status: HttpStatus.BAD_REQUEST } }, HttpStatus.BAD_REQUEST);
    }
    try {
      const appointed = await this.coordinators.appoint(actor, id, input);
      return this.redirect(reply, id, 'appointed', appointed.id);
    } catch (e) {
      const failure = expected(e) ? appointErrorsFrom(e) : null;
      if (!expected(e) || !failure) throw e;
      const status = httpStatusFor(e.code as ErrorCode);
      return this.page(reply, principal, id, { appoint: { values, ...failure, status } }, status);
    }
  }

  @Post(':id/uppdrag/:assignmentId/bekrafta')
  @Allow(self(personOfAssignment('assignmentId')))
  async acknowledge(
    @CurrentPrincipal() principal: Principal,
    @CurrentActor() actor: Actor,
    @Param('id', DEPARTMENT) id: string,
    @Param('assignmentId', ASSIGNMENT) assignmentId: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await this.requireAssignmentIn(id, assignmentId);
    try {
      await this.coordinators.acknowledge(actor, assignmentId);
    } catch (e) {
      // (someone who may not see the department's page gets the error page instead)
      if (!expected(e) || !mayViewDepartment(principal, id)) throw e;
      const status = httpStatusFor(e.code as ErrorCode);
      return this.page(reply, principal, id, { acknowledge: { assignmentId, message: e.message } }, status);
    }
    // A person whose assignment has not started yet has no access to the department's page: the start page says it instead.
    if (!mayViewDepartment(principal, id)) return void reply.redirect(`/?${NOTICE_PARAMS.acknowledged}=${encodeURIComponent(assignmentId)}`, HttpStatus.SEE_OTHER);
    return this.redirect(reply, id, 'acknowledged', assignmentId);
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
    const { input, ...formErrors } = validateEndForm(values);
    if (!input) {
      return this.page(reply, principal, id, { end: { assignmentId, values, ...formErrors, status: HttpStatus.BAD_REQUEST } }, HttpStatus.BAD_REQUEST);
    }
    try {
      await this.coordinators.end(actor, assignmentId, input);
      return this.redirect(reply, id, 'ended', assignmentId);
    } catch (e) {
      const failure = expected(e) ? endErrorsFrom(e) : null;
      if (!expected(e) || !failure) throw e;
      const status = httpStatusFor(e.code as ErrorCode);
      return this.page(reply, principal, id, { end: { assignmentId, values, ...failure, status } }, status);
    }
  }

  /** The department page, with what just happened or the form that failed. */
  private async page(reply: FastifyReply, principal: Principal, id: string, state: DepartmentPageState, status: number): Promise<void> {
    const department = await this.registry.getDepartment(id);
    const access = { administer: mayAdministerCoordinators(principal), personId: principal.personId };
    // The people to choose from are for the appoint form only: nobody else gets the directory.
    const [history, people] = await Promise.all([this.coordinators.listForDepartment(id, true), access.administer ? this.people.list() : Promise.resolve([])]);
    const model = buildDepartmentPage({ department, history, people, today: this.coordinators.today(), statusOf: (a) => this.coordinators.statusOf(a) }, state, access);
    await this.views.send(reply, 'department', model, status);
  }

  /** Post/redirect/get: 303 back to the department page, which names what was done. */
  private redirect(reply: FastifyReply, id: string, notice: NoticeKind, assignmentId: string): void {
    void reply.redirect(`${departmentPath(id)}?${NOTICE_PARAMS[notice]}=${encodeURIComponent(assignmentId)}`, HttpStatus.SEE_OTHER);
  }

  /** An assignment addressed under another department's page does not exist there. */
  private async requireAssignmentIn(departmentId: string, assignmentId: string): Promise<void> {
    const assignment = await this.coordinators.get(assignmentId);
    if (assignment.departmentId !== departmentId) throw CommonError.notFound('Uppdraget', assignmentId);
  }
}
