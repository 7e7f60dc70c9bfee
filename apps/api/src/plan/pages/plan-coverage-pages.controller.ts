import { Body, Controller, Get, HttpStatus, Param, Post, Query, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Actor } from '@samverka/audit';
import { Principal } from '@samverka/identity';
import { mayEditPlan, PLAN_QUESTION_STATES, PlanNeedsCoverageService, PlanQuestionService } from '@samverka/plan';
import { PlanRoundQueryService } from '@samverka/rounds';
import type { FastifyReply } from 'fastify';
import { admin, strategist } from '../../auth/access-rules';
import { Allow } from '../../auth/allow.decorator';
import { CurrentPrincipal } from '../../auth/request-principal';
import { CurrentActor } from '../../shell/current-actor.decorator';
import { formAction } from '../../shell/form-action';
import { UuidParam } from '../../shell/uuid-param';
import { ROUNDS_PATH, ViewRenderer } from '../../shell/view-renderer';
import { WebExceptionFilter } from '../../shell/web-exception.filter';
import { offsetOf, PAGE_PARAM, readPageNumber } from '../../shell/pagination';
import { buildPlanNeedsPage, PLAN_NEEDS_NOTICE_PARAM, PLAN_NEEDS_PAGE_SIZE, PlanNeedsNotice, PlanNeedsPageState, planNeedsPagePath, readPlanNeedsNotice } from './plan-needs-page.presenter';
import { ANSWER_FORM_ERRORS, DEFERRAL_FORM_ERRORS, readAnswerForm, readDeferralForm, UNDEFER_FORM_ERRORS } from './plan-questions-forms';
import { buildStrategistQuestionsPage, QUESTIONS_NOTICE_PARAM, readQuestionsNotice, StrategistQuestionsState, strategistQuestionsPagePath } from './plan-questions-page.presenter';

const ROUND = UuidParam('Planomgången');
const NEED = UuidParam('Behovet');
const QUESTION = UuidParam('Frågan');

/**
 * The strategists' pages of the plan's needs coverage (/planomgangar/:id/plan/behov: unanswered needs
 * first, each with a form to defer it; the deferred with an undo; the answered with their items) and of
 * the questions about it (/planomgangar/:id/plan/fragor: every thread, unanswered first, with an answer
 * form). Admins read both; only strategists post.
 */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller(`${ROUNDS_PATH.slice(1)}/:id/plan`)
export class PlanCoveragePagesController {
  constructor(
    private readonly coverage: PlanNeedsCoverageService,
    private readonly questions: PlanQuestionService,
    private readonly rounds: PlanRoundQueryService,
    private readonly views: ViewRenderer,
  ) {}

  @Get('behov')
  @Allow(strategist(), admin())
  async needs(@CurrentPrincipal() principal: Principal, @Param('id', ROUND) id: string, @Query() query: Record<string, unknown>, @Res() reply: FastifyReply): Promise<void> {
    await this.needsPage(reply, principal, id, readPageNumber(query[PAGE_PARAM]), { notice: readPlanNeedsNotice(query) }, HttpStatus.OK);
  }

  @Post('behov/:needId/skjut-upp')
  @Allow(strategist())
  async defer(
    @CurrentPrincipal() principal: Principal,
    @CurrentActor() actor: Actor,
    @Param('id', ROUND) id: string,
    @Param('needId', NEED) needId: string,
    @Query(PAGE_PARAM) rawPage: unknown,
    @Body() body: unknown,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const page = readPageNumber(rawPage);
    const values = readDeferralForm(body);
    await formAction({
      posted: body,
      values,
      errors: DEFERRAL_FORM_ERRORS,
      run: () => this.coverage.defer(actor, id, needId, values),
      failed: (failure) => this.needsPage(reply, principal, id, page, { failed: { needId, form: 'defer', failure } }, failure.status),
      done: () => this.redirect(reply, planNeedsPagePath(id, page), PLAN_NEEDS_NOTICE_PARAM.deferred, needId),
    });
  }

  @Post('behov/:needId/ta-tillbaka')
  @Allow(strategist())
  async undefer(
    @CurrentPrincipal() principal: Principal,
    @CurrentActor() actor: Actor,
    @Param('id', ROUND) id: string,
    @Param('needId', NEED) needId: string,
    @Query(PAGE_PARAM) rawPage: unknown,
    @Body() body: unknown,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const page = readPageNumber(rawPage);
    await formAction({
      posted: body,
      values: {},
      errors: UNDEFER_FORM_ERRORS,
      run: () => this.coverage.undefer(actor, id, needId),
      failed: (failure) => this.needsPage(reply, principal, id, page, { failed: { needId, form: 'undefer', failure } }, failure.status),
      done: () => this.redirect(reply, planNeedsPagePath(id, page), PLAN_NEEDS_NOTICE_PARAM.undeferred, needId),
    });
  }

  @Get('fragor')
  @Allow(strategist(), admin())
  async questionsPage(@CurrentPrincipal() principal: Principal, @Param('id', ROUND) id: string, @Query() query: Record<string, unknown>, @Res() reply: FastifyReply): Promise<void> {
    await this.strategistQuestions(reply, principal, id, { notice: readQuestionsNotice(query) }, HttpStatus.OK);
  }

  @Post('fragor/:questionId/svara')
  @Allow(strategist())
  async answer(
    @CurrentPrincipal() principal: Principal,
    @CurrentActor() actor: Actor,
    @Param('id', ROUND) id: string,
    @Param('questionId', QUESTION) questionId: string,
    @Body() body: unknown,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const values = readAnswerForm(body);
    await formAction({
      posted: body,
      values,
      errors: ANSWER_FORM_ERRORS,
      run: () => this.questions.answer(actor, id, questionId, values),
      failed: (failure) => this.strategistQuestions(reply, principal, id, { failed: { questionId, failure } }, failure.status),
      done: () => this.redirect(reply, strategistQuestionsPagePath(id), QUESTIONS_NOTICE_PARAM.answered, questionId),
    });
  }

  /** The page's sections, PLAN_NEEDS_PAGE_SIZE each from page `page` (from 1). */
  private async needsPage(reply: FastifyReply, principal: Principal, id: string, page: number, state: PlanNeedsPageState, status: number): Promise<void> {
    const paging = { limit: PLAN_NEEDS_PAGE_SIZE, offset: offsetOf(page, PLAN_NEEDS_PAGE_SIZE) };
    const [round, coverage, whyNot] = await Promise.all([this.rounds.basics(id), this.coverage.coverageOf(id, paging), this.coverage.whyNotEditable(id)]);
    const editable = mayEditPlan(principal) && whyNot === null;
    await this.views.send(reply, 'plan-needs', buildPlanNeedsPage({ round, coverage, page, editable, notEditableReason: mayEditPlan(principal) ? whyNot : null }, state), status);
  }

  private async strategistQuestions(reply: FastifyReply, principal: Principal, id: string, state: StrategistQuestionsState, status: number): Promise<void> {
    const round = await this.rounds.basics(id);
    const questions = await this.questions.list(id, {});
    const mayAnswer = mayEditPlan(principal) && PLAN_QUESTION_STATES.includes(round.state);
    await this.views.send(reply, 'plan-questions', buildStrategistQuestionsPage({ round, questions, mayAnswer }, state), status);
  }

  /** Post/redirect/get, with what happened and to which need or question (`#anchor`); `path` may carry the page (`?sida=2`). */
  private redirect(reply: FastifyReply, path: string, notice: string, anchorId: string): void {
    const anchor = `${path.split('?')[0].endsWith('fragor') ? 'fraga' : 'behov'}-${anchorId}`;
    void reply.redirect(`${path}${path.includes('?') ? '&' : '?'}klart=${notice}#${anchor}`, HttpStatus.SEE_OTHER);
  }
}

export type { PlanNeedsNotice };
