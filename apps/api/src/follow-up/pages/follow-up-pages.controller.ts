import { Body, Controller, Get, HttpStatus, Param, Post, Query, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Actor } from '@samverka/audit';
import { FollowUpQueryService, FollowUpService } from '@samverka/follow-up';
import { Principal } from '@samverka/identity';
import { CommonError } from '@samverka/kernel';
import { PlanRoundQueryService } from '@samverka/rounds';
import type { FastifyReply } from 'fastify';
import { admin, fromBody, fromParam, ofDepartment, participantOfRound, strategist } from '../../auth/access-rules';
import { Allow } from '../../auth/allow.decorator';
import { CurrentPrincipal } from '../../auth/request-principal';
import { CurrentActor } from '../../shell/current-actor.decorator';
import { formAction, validInput } from '../../shell/form-action';
import { FormFailure } from '../../shell/form-body';
import { UuidParam } from '../../shell/uuid-param';
import { ROUNDS_PATH, ViewRenderer } from '../../shell/view-renderer';
import { WebExceptionFilter } from '../../shell/web-exception.filter';
import { periodsFormErrors, PeriodsFormValues, readPeriodsForm, readReportForm, REPORT_FORM_ERRORS, ReportFormValues, toReportInput, toSetPeriodsInput } from './follow-up-forms';
import { buildFollowUpItemPage, buildPeriodsPage, FOLLOW_UP_NOTICE_PARAM, FollowUpNotice, readFollowUpNotice } from './follow-up-item-page.presenter';
import { buildFollowUpDepartmentPage, buildFollowUpPage, followUpItemPath, followUpPeriodsPath } from './follow-up-page.presenter';

const ROUND = UuidParam('Planomgången');
const DEPARTMENT = UuidParam('Förvaltningen');
const ITEM = UuidParam('Insatsen');
const READERS = [strategist(), admin(), participantOfRound(fromParam('id'))];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const periodOf = (query: Record<string, unknown>): string | undefined => (typeof query.periodId === 'string' && UUID.test(query.periodId) ? query.periodId : undefined);

/**
 * Uppföljning at /planomgangar/:id/uppfoljning: the round's follow-up (progress per plan and area, the
 * items, status over periods, what is overdue, the departments), one department's follow-up, one item's
 * reports with the form to report or correct, and the strategists' periods form. Whoever reads the round
 * reads these pages; a department's coordinators report for it, strategists for the contact centre.
 */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller(`${ROUNDS_PATH.slice(1)}/:id/uppfoljning`)
export class FollowUpPagesController {
  constructor(
    private readonly followUp: FollowUpService,
    private readonly queries: FollowUpQueryService,
    private readonly rounds: PlanRoundQueryService,
    private readonly views: ViewRenderer,
  ) {}

  @Get()
  @Allow(...READERS)
  async show(@CurrentPrincipal() principal: Principal, @Param('id', ROUND) id: string, @Query() query: Record<string, unknown>, @Res() reply: FastifyReply): Promise<void> {
    const view = await this.queries.view(id, periodOf(query));
    await this.views.send(reply, 'follow-up', buildFollowUpPage(view, principal));
  }

  @Get('forvaltningar/:departmentId')
  @Allow(...READERS)
  async department(
    @Param('id', ROUND) id: string,
    @Param('departmentId', DEPARTMENT) departmentId: string,
    @Query() query: Record<string, unknown>,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const round = await this.rounds.basics(id);
    const department = round.participants.find((p) => p.departmentId === departmentId);
    if (!department) throw CommonError.notFound('Förvaltningen i planomgången', departmentId);
    const view = await this.queries.view(id, periodOf(query));
    await this.views.send(reply, 'follow-up-department', buildFollowUpDepartmentPage(view, departmentId, department.name));
  }

  @Get('insatser/:itemId')
  @Allow(...READERS)
  async item(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ROUND) id: string,
    @Param('itemId', ITEM) itemId: string,
    @Query() query: Record<string, unknown>,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await this.itemPage(reply, principal, id, itemId, { notice: readFollowUpNotice(query, 'reported') }, HttpStatus.OK);
  }

  @Post('insatser/:itemId')
  @Allow(strategist(), ofDepartment(['coordinator'], fromBody('organisation')))
  async report(
    @CurrentPrincipal() principal: Principal,
    @CurrentActor() actor: Actor,
    @Param('id', ROUND) id: string,
    @Param('itemId', ITEM) itemId: string,
    @Body() body: unknown,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const values = readReportForm(body);
    await formAction({
      posted: body,
      values,
      errors: REPORT_FORM_ERRORS,
      run: () => this.followUp.report(principal, actor, id, itemId, toReportInput(values), 'form'),
      failed: (failure) => this.itemPage(reply, principal, id, itemId, { failure }, failure.status),
      done: () => void reply.redirect(`${followUpItemPath(id, itemId)}?klart=${FOLLOW_UP_NOTICE_PARAM.reported}#historik`, HttpStatus.SEE_OTHER),
    });
  }

  @Get('perioder')
  @Allow(strategist())
  async periods(@Param('id', ROUND) id: string, @Query() query: Record<string, unknown>, @Res() reply: FastifyReply): Promise<void> {
    await this.periodsPage(reply, id, { notice: readFollowUpNotice(query, 'periods') }, HttpStatus.OK);
  }

  @Post('perioder')
  @Allow(strategist())
  async setPeriods(@CurrentActor() actor: Actor, @Param('id', ROUND) id: string, @Body() body: unknown, @Res() reply: FastifyReply): Promise<void> {
    const values = readPeriodsForm(body);
    const read = toSetPeriodsInput(values);
    await formAction({
      posted: body,
      values,
      errors: periodsFormErrors(read.rowOf),
      run: () => this.followUp.setPeriods(actor, id, validInput(read)),
      failed: (failure) => this.periodsPage(reply, id, { failure }, failure.status),
      done: () => void reply.redirect(`${followUpPeriodsPath(id)}?klart=${FOLLOW_UP_NOTICE_PARAM.periods}`, HttpStatus.SEE_OTHER),
    });
  }

  private async itemPage(reply: FastifyReply, principal: Principal, id: string, itemId: string, state: { notice?: FollowUpNotice; failure?: FormFailure<ReportFormValues> }, status: number): Promise<void> {
    const history = await this.queries.itemHistory(id, itemId);
    await this.views.send(reply, 'follow-up-item', buildFollowUpItemPage(history, principal, state), status);
  }

  private async periodsPage(reply: FastifyReply, id: string, state: { notice?: FollowUpNotice; failure?: FormFailure<PeriodsFormValues> }, status: number): Promise<void> {
    const [round, periods] = [await this.rounds.basics(id), await this.followUp.periods(id)];
    await this.views.send(reply, 'follow-up-periods', buildPeriodsPage(round, periods, state), status);
  }
}
