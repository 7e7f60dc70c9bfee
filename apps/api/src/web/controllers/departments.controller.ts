import { Body, Controller, Get, HttpStatus, Param, Post, Query, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Actor } from '@samverka/audit';
import { CommonError, CommonErrorCode, DomainError } from '@samverka/kernel';
import { CoordinatorService, OrganisationRegistryService, PeopleService } from '@samverka/organisation';
import type { FastifyReply } from 'fastify';
import { CurrentActor } from '../../common/current-actor.decorator';
import { ErrorCode, httpStatusFor } from '../../common/domain-exception.filter';
import { UuidParam } from '../../common/uuid-param';
import { appointErrorsFrom, readAppointForm, validateAppointForm } from '../forms/appoint-form';
import { endErrorsFrom, readEndForm, validateEndForm } from '../forms/end-form';
import { buildDepartmentList } from '../presenters/department-list.presenter';
import { buildDepartmentPage, DepartmentPageState, NOTICE_PARAMS, NoticeKind } from '../presenters/department-page.presenter';
import { departmentPath } from '../presenters/format';
import { ViewRenderer } from '../view-renderer';
import { WebExceptionFilter } from '../web-exception.filter';

const DEPARTMENT = UuidParam('Förvaltningen');
const ASSIGNMENT = UuidParam('Uppdraget');

/** A refusal the page can explain (a form error); anything else goes to the error page. */
const expected = (e: unknown): e is DomainError => e instanceof DomainError && e.code !== CommonErrorCode.NOT_FOUND;

/** Förvaltningar: the list, a department's page, and the forms on it (appoint, acknowledge, end). */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller('forvaltningar')
export class DepartmentsPageController {
  constructor(
    private readonly registry: OrganisationRegistryService,
    private readonly coordinators: CoordinatorService,
    private readonly people: PeopleService,
    private readonly views: ViewRenderer,
  ) {}

  @Get()
  async list(@Query('status') status: unknown, @Res() reply: FastifyReply): Promise<void> {
    const [departments, assignments] = await Promise.all([this.registry.listDepartments(), this.coordinators.currentByDepartment()]);
    const model = buildDepartmentList(departments, assignments, this.coordinators.today(), typeof status === 'string' ? status : undefined);
    this.views.send(reply, 'departments', model);
  }

  @Get(':id')
  async show(@Param('id', DEPARTMENT) id: string, @Query() query: Record<string, unknown>, @Res() reply: FastifyReply): Promise<void> {
    const notice = (Object.keys(NOTICE_PARAMS) as NoticeKind[])
      .map((kind) => ({ kind, assignmentId: query[NOTICE_PARAMS[kind]] }))
      .find((n): n is { kind: NoticeKind; assignmentId: string } => typeof n.assignmentId === 'string');
    await this.page(reply, id, { notice }, HttpStatus.OK);
  }

  /** The forms' addresses, opened directly (a reload or a bookmark of a page shown after a failed POST): back to the department. */
  @Get([':id/samordnare', ':id/uppdrag/:assignmentId/bekrafta', ':id/uppdrag/:assignmentId/avsluta'])
  formAddress(@Param('id', DEPARTMENT) id: string, @Res() reply: FastifyReply): void {
    void reply.redirect(departmentPath(id), HttpStatus.SEE_OTHER);
  }

  @Post(':id/samordnare')
  async appoint(@CurrentActor() actor: Actor, @Param('id', DEPARTMENT) id: string, @Body() body: unknown, @Res() reply: FastifyReply): Promise<void> {
    const values = readAppointForm(body);
    const { errors, input } = validateAppointForm(values);
    if (!input) {
      // (an unknown department is still a 404: the page loads the department first)
      return this.page(reply, id, { appoint: { values, errors, general: [], status: HttpStatus.BAD_REQUEST } }, HttpStatus.BAD_REQUEST);
    }
    try {
      const appointed = await this.coordinators.appoint(actor, id, input);
      return this.redirect(reply, id, 'appointed', appointed.id);
    } catch (e) {
      const failure = expected(e) ? appointErrorsFrom(e) : null;
      if (!expected(e) || !failure) throw e;
      const status = httpStatusFor(e.code as ErrorCode);
      return this.page(reply, id, { appoint: { values, ...failure, status } }, status);
    }
  }

  @Post(':id/uppdrag/:assignmentId/bekrafta')
  async acknowledge(
    @CurrentActor() actor: Actor,
    @Param('id', DEPARTMENT) id: string,
    @Param('assignmentId', ASSIGNMENT) assignmentId: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await this.requireAssignmentIn(id, assignmentId);
    try {
      await this.coordinators.acknowledge(actor, assignmentId);
      return this.redirect(reply, id, 'acknowledged', assignmentId);
    } catch (e) {
      if (!expected(e)) throw e;
      const status = httpStatusFor(e.code as ErrorCode);
      return this.page(reply, id, { acknowledge: { assignmentId, message: e.message } }, status);
    }
  }

  @Post(':id/uppdrag/:assignmentId/avsluta')
  async end(
    @CurrentActor() actor: Actor,
    @Param('id', DEPARTMENT) id: string,
    @Param('assignmentId', ASSIGNMENT) assignmentId: string,
    @Body() body: unknown,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await this.requireAssignmentIn(id, assignmentId);
    const values = readEndForm(body);
    const { errors, input } = validateEndForm(values);
    if (!input) {
      return this.page(reply, id, { end: { assignmentId, values, errors, general: [], status: HttpStatus.BAD_REQUEST } }, HttpStatus.BAD_REQUEST);
    }
    try {
      await this.coordinators.end(actor, assignmentId, input);
      return this.redirect(reply, id, 'ended', assignmentId);
    } catch (e) {
      const failure = expected(e) ? endErrorsFrom(e) : null;
      if (!expected(e) || !failure) throw e;
      const status = httpStatusFor(e.code as ErrorCode);
      return this.page(reply, id, { end: { assignmentId, values, ...failure, status } }, status);
    }
  }

  /** The department page, with what just happened or the form that failed. */
  private async page(reply: FastifyReply, id: string, state: DepartmentPageState, status: number): Promise<void> {
    const department = await this.registry.getDepartment(id);
    const [history, people] = await Promise.all([this.coordinators.listForDepartment(id, true), this.people.list()]);
    const model = buildDepartmentPage({ department, history, people, today: this.coordinators.today(), statusOf: (a) => this.coordinators.statusOf(a) }, state);
    this.views.send(reply, 'department', model, status);
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
