import { Body, Controller, Get, HttpStatus, Param, Post, Query, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Actor } from '@samverka/audit';
import { Principal } from '@samverka/identity';
import { CommonError } from '@samverka/kernel';
import { mayAskFor, PLAN_QUESTION_STATES, PlanQuestionService } from '@samverka/plan';
import { PlanRoundQueryService, RoundBasics } from '@samverka/rounds';
import type { FastifyReply } from 'fastify';
import { admin, fromParam, ofDepartment, strategist } from '../../auth/access-rules';
import { Allow } from '../../auth/allow.decorator';
import { CurrentPrincipal } from '../../auth/request-principal';
import { CurrentActor } from '../../shell/current-actor.decorator';
import { formAction, validInput } from '../../shell/form-action';
import { UuidParam } from '../../shell/uuid-param';
import { ROUNDS_PATH, ViewRenderer } from '../../shell/view-renderer';
import { WebExceptionFilter } from '../../shell/web-exception.filter';
import { ASK_FORM_ERRORS, readAskForm, validateAskForm } from './plan-questions-forms';
import { buildDepartmentQuestionsPage, DepartmentQuestionsState, departmentQuestionsPagePath, QUESTIONS_NOTICE_PARAM, readQuestionsNotice } from './plan-questions-page.presenter';

const ROUND = UuidParam('Planomgången');
const DEPARTMENT = UuidParam('Förvaltningen');
/** The department's management and coordinators ask, and read their department's threads. */
const DEPARTMENT_PEOPLE = ofDepartment(['management', 'coordinator'], fromParam('departmentId'));

/**
 * A department's questions about the plan (/planomgangar/:id/ansvarsfordelning/:departmentId/fragor):
 * its threads, and the form to ask about an item (those where the department has a role, else all).
 * Strategists and admins read it too; a coordinator of another department is refused.
 */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller(`${ROUNDS_PATH.slice(1)}/:id/ansvarsfordelning/:departmentId/fragor`)
export class DepartmentQuestionsPagesController {
  constructor(
    private readonly questions: PlanQuestionService,
    private readonly rounds: PlanRoundQueryService,
    private readonly views: ViewRenderer,
  ) {}

  @Get()
  @Allow(strategist(), admin(), DEPARTMENT_PEOPLE)
  async show(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ROUND) id: string,
    @Param('departmentId', DEPARTMENT) departmentId: string,
    @Query() query: Record<string, unknown>,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await this.page(reply, principal, await this.participating(id, departmentId), departmentId, { notice: readQuestionsNotice(query) }, HttpStatus.OK);
  }

  @Post()
  @Allow(DEPARTMENT_PEOPLE)
  async ask(
    @CurrentPrincipal() principal: Principal,
    @CurrentActor() actor: Actor,
    @Param('id', ROUND) id: string,
    @Param('departmentId', DEPARTMENT) departmentId: string,
    @Body() body: unknown,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const round = await this.participating(id, departmentId);
    const values = readAskForm(body);
    await formAction({
      posted: body,
      values,
      errors: ASK_FORM_ERRORS,
      run: async () => {
        const input = validInput(validateAskForm(values));
        return this.questions.ask(actor, id, input.itemId, { departmentId, question: input.question });
      },
      failed: (failure) => this.page(reply, principal, round, departmentId, { ask: failure }, failure.status),
      done: (asked) => void reply.redirect(`${departmentQuestionsPagePath(id, departmentId)}?klart=${QUESTIONS_NOTICE_PARAM.asked}#fraga-${asked.id}`, HttpStatus.SEE_OTHER),
    });
  }

  private async page(reply: FastifyReply, principal: Principal, round: RoundBasics, departmentId: string, state: DepartmentQuestionsState, status: number): Promise<void> {
    const mayAsk = mayAskFor(principal, departmentId) && PLAN_QUESTION_STATES.includes(round.state);
    const [questions, items] = await Promise.all([
      this.questions.list(round.id, { departmentIds: [departmentId] }),
      mayAsk ? this.questions.askableItems(round.id, departmentId) : Promise.resolve([]),
    ]);
    await this.views.send(reply, 'department-plan-questions', buildDepartmentQuestionsPage({ round, departmentId, questions, items, mayAsk }, state), status);
  }

  /** The round, when the department takes part in it (404 otherwise). */
  private async participating(id: string, departmentId: string): Promise<RoundBasics> {
    const round = await this.rounds.basics(id);
    if (!round.participants.some((p) => p.departmentId === departmentId)) throw CommonError.notFound('Förvaltningen i planomgången', departmentId);
    return round;
  }
}
