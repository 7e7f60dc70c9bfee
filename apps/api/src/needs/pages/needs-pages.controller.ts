import { Body, Controller, Get, HttpStatus, Param, PipeTransform, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Actor } from '@samverka/audit';
import { IdentityError, Principal } from '@samverka/identity';
import { CommonError } from '@samverka/kernel';
import {
  mayEndorseNeedsOf,
  mayReadNeedsOf,
  mayWriteNeedsOf,
  needsChangeRefusal,
  NeedService,
  ReferenceDataService,
  SubmissionRow,
  SubmissionService,
  SubmissionStep,
} from '@samverka/needs';
import { mayReadPlanDraft, NeedAnswer, PlanNeedsCoverageService } from '@samverka/plan';
import { PlanRoundQueryService, RoundBasics, roundReadScope } from '@samverka/rounds';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { admin, fromParam, ofDepartment, participantOfRound, strategist } from '../../auth/access-rules';
import { Allow } from '../../auth/allow.decorator';
import { actorOf, CurrentPrincipal, principalOf } from '../../auth/request-principal';
import { CurrentActor } from '../../shell/current-actor.decorator';
import { UuidParam } from '../../shell/uuid-param';
import { formAction, validInput } from '../../shell/form-action';
import { NEED_FORM_ERRORS, readNeedForm, validateNeedForm } from './need-form';
import {
  CONFIRMED_STEPS,
  ConfirmedStep,
  readSubmissionStepForm,
  SUBMISSION_STEP_SLUGS,
  SUBMISSION_STEP_FORM_ERRORS,
  submissionStepOfSlug,
  SUBMISSION_STEPS,
} from './submission-step-form';
import { buildNeedDeletePage, buildNeedEditPage, NeedPageData } from './need-edit.presenter';
import { needsPath, ReferenceData } from './needs-format';
import { buildNeedsPage, buildStepConfirmPage, NEEDS_NOTICE_PARAMS, NeedsPageData, NeedsPageState, readNeedsNotice } from './needs-page.presenter';
import { ROUNDS_PATH, ViewRenderer } from '../../shell/view-renderer';
import { WebExceptionFilter } from '../../shell/web-exception.filter';

const ROUND = UuidParam('Planomgången');
const DEPARTMENT = UuidParam('Förvaltningen');
const NEED = UuidParam('Behovet');

/** The need a page is about, from its address: the round, the department and the need, each a UUID (else a 404 naming it). */
interface NeedAddress {
  id: string;
  departmentId: string;
  needId: string;
}

const NEED_ADDRESS: PipeTransform<Record<string, string>, Promise<NeedAddress>> = {
  async transform(params) {
    return {
      id: await ROUND.transform(params.id ?? '', { type: 'param', data: 'id' }),
      departmentId: await DEPARTMENT.transform(params.departmentId ?? '', { type: 'param', data: 'departmentId' }),
      needId: await NEED.transform(params.needId ?? '', { type: 'param', data: 'needId' }),
    };
  },
};

/**
 * Who may open a department's needs page: strategists and admins, and those
 * taking part in the round; the handler then checks that the reader may see
 * that department (its coordinators and managers, its committee's secretary).
 */
const NEEDS_READERS = [admin(), strategist(), participantOfRound(fromParam('id'))];
/** The department's coordinators (and deputies) write, change, remove and hand in its needs. */
const COORDINATORS = ofDepartment(['coordinator'], fromParam('departmentId'));
/** The department's management endorses or returns what was handed in. */
const MANAGEMENT = ofDepartment(['management'], fromParam('departmentId'));

/** Who takes a hand-in step: the department's coordinators hand in or report nothing; its management endorses or returns. */
const COORDINATOR_STEPS: readonly SubmissionStep[] = ['submit', 'nothingToReport'];
const MANAGEMENT_STEPS: readonly SubmissionStep[] = ['endorse', 'return'];

/** What each hand-in step asks of SubmissionService (`text`: the reason or the comment, for the steps that take one). */
const TAKE_STEP: Record<SubmissionStep, (submissions: SubmissionService, actor: Actor, roundId: string, departmentId: string, text: string) => Promise<unknown>> = {
  submit: (submissions, actor, roundId, departmentId) => submissions.submit(actor, roundId, departmentId),
  nothingToReport: (submissions, actor, roundId, departmentId, text) => submissions.nothingToReport(actor, roundId, departmentId, text),
  endorse: (submissions, actor, roundId, departmentId) => submissions.endorse(actor, roundId, departmentId),
  return: (submissions, actor, roundId, departmentId, text) => submissions.returnToDepartment(actor, roundId, departmentId, text),
};

/**
 * Behov: a department's needs in a plan round, at
 * /planomgangar/:id/behov/:departmentId, with the forms to add, change and
 * remove needs (coordinators, while the round collects needs and the
 * department has not handed in), to hand in or report nothing
 * (coordinators), and to endorse or return (management). The pages call the
 * needs services directly, like the other web controllers call theirs; every
 * form carries the session's CSRF token (checked by the AccessGuard) and the
 * readers take only their own named fields.
 */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller(`${ROUNDS_PATH.slice(1)}/:id/behov/:departmentId`)
export class NeedsPagesController {
  constructor(
    private readonly rounds: PlanRoundQueryService,
    private readonly needs: NeedService,
    private readonly submissions: SubmissionService,
    private readonly reference: ReferenceDataService,
    private readonly views: ViewRenderer,
    private readonly planCoverage: PlanNeedsCoverageService,
  ) {}

  @Get()
  @Allow(...NEEDS_READERS)
  async show(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ROUND) id: string,
    @Param('departmentId', DEPARTMENT) departmentId: string,
    @Query() query: Record<string, unknown>,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const round = await this.readableRound(principal, id, departmentId);
    await this.page(reply, principal, round, departmentId, { notice: readNeedsNotice(query) }, HttpStatus.OK);
  }

  @Post()
  @Allow(COORDINATORS)
  async add(
    @CurrentPrincipal() principal: Principal,
    @CurrentActor() actor: Actor,
    @Param('id', ROUND) id: string,
    @Param('departmentId', DEPARTMENT) departmentId: string,
    @Body() body: unknown,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const round = await this.readableRound(principal, id, departmentId);
    const values = readNeedForm(body);
    await formAction({
      posted: body,
      values,
      errors: NEED_FORM_ERRORS,
      run: () => this.needs.create(actor, id, { ...validInput(validateNeedForm(values, this.rounds.today())), departmentId }),
      failed: (add) => this.page(reply, principal, round, departmentId, { add }, add.status),
      done: (created) => this.redirect(reply, id, departmentId, NEEDS_NOTICE_PARAMS.added, created.id),
    });
  }

  /** Handing in asks first: "Du lämnar in 7 behov för Förskoleförvaltningen …", with the button that posts it. */
  @Get(SUBMISSION_STEP_SLUGS.submit)
  @Allow(COORDINATORS)
  confirmSubmit(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ROUND) id: string,
    @Param('departmentId', DEPARTMENT) departmentId: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return this.confirm(reply, principal, id, departmentId, 'submit');
  }

  /** Approving asks first: "Du godkänner 7 behov från Förskoleförvaltningen …". */
  @Get(SUBMISSION_STEP_SLUGS.endorse)
  @Allow(MANAGEMENT)
  confirmEndorse(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ROUND) id: string,
    @Param('departmentId', DEPARTMENT) departmentId: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return this.confirm(reply, principal, id, departmentId, 'endorse');
  }

  /** The other steps' addresses opened directly (a reload of a page shown after a failed step, the way back after signing in): the needs page. */
  @Get(SUBMISSION_STEPS.filter((s) => !(CONFIRMED_STEPS as readonly string[]).includes(s)).map((s) => SUBMISSION_STEP_SLUGS[s]))
  @Allow(...NEEDS_READERS)
  stepAddress(@Param('id', ROUND) id: string, @Param('departmentId', DEPARTMENT) departmentId: string, @Res() reply: FastifyReply): void {
    void reply.redirect(needsPath(id, departmentId), HttpStatus.SEE_OTHER);
  }

  /** The hand-in steps the department's coordinators take: hand in, or report nothing. */
  @Post(COORDINATOR_STEPS.map((step) => SUBMISSION_STEP_SLUGS[step]))
  @Allow(COORDINATORS)
  coordinatorStep(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.step(request, reply);
  }

  /** The hand-in steps the department's management takes: endorse, or return. */
  @Post(MANAGEMENT_STEPS.map((step) => SUBMISSION_STEP_SLUGS[step]))
  @Allow(MANAGEMENT)
  managementStep(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.step(request, reply);
  }

  @Get(':needId/andra')
  @Allow(COORDINATORS)
  async editPage(
    @CurrentPrincipal() principal: Principal,
    @Param(NEED_ADDRESS) { id, departmentId, needId }: NeedAddress,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const data = await this.editableNeed(principal, id, departmentId, needId);
    await this.views.send(reply, 'need-edit', buildNeedEditPage(data));
  }

  @Post(':needId/andra')
  @Allow(COORDINATORS)
  async edit(
    @CurrentPrincipal() principal: Principal,
    @CurrentActor() actor: Actor,
    @Param(NEED_ADDRESS) { id, departmentId, needId }: NeedAddress,
    @Body() body: unknown,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    // Whether the need may still change is the service's to say (in the same transaction as the change).
    const data = await this.needPage(principal, id, departmentId, needId);
    const values = readNeedForm(body);
    await formAction({
      posted: body,
      values,
      errors: NEED_FORM_ERRORS,
      run: () => this.needs.update(actor, needId, validInput(validateNeedForm(values, data.today)), id),
      failed: (failure) => this.views.send(reply, 'need-edit', buildNeedEditPage(data, failure), failure.status),
      done: () => this.redirect(reply, id, departmentId, NEEDS_NOTICE_PARAMS.changed, needId),
    });
  }

  @Get(':needId/ta-bort')
  @Allow(COORDINATORS)
  async deletePage(
    @CurrentPrincipal() principal: Principal,
    @Param(NEED_ADDRESS) { id, departmentId, needId }: NeedAddress,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const data = await this.editableNeed(principal, id, departmentId, needId);
    await this.views.send(reply, 'need-delete', buildNeedDeletePage(data));
  }

  @Post(':needId/ta-bort')
  @Allow(COORDINATORS)
  async delete(
    @CurrentPrincipal() principal: Principal,
    @CurrentActor() actor: Actor,
    @Param(NEED_ADDRESS) { id, departmentId, needId }: NeedAddress,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const data = await this.needPage(principal, id, departmentId, needId);
    await formAction({
      posted: null,
      values: {},
      errors: NEED_FORM_ERRORS,
      run: () => this.needs.delete(actor, needId, id),
      failed: (failure) => this.views.send(reply, 'need-delete', buildNeedDeletePage(data, failure.general), failure.status),
      done: () => this.redirect(reply, id, departmentId, NEEDS_NOTICE_PARAMS.deleted, needId),
    });
  }

  /**
   * One hand-in step, named by the last part of the address (the two routes
   * above differ only in who may take which): what must be written is
   * checked first, then the service decides (status, phase).
   */
  private async step(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const step = submissionStepOfSlug((request.url ?? '').split('?')[0].split('/').pop());
    if (!step) throw CommonError.notFound('Steget', request.url ?? '');
    const principal = principalOf(request);
    if (!principal) throw IdentityError.unauthenticated();
    const actor = actorOf(principal, request.ip);
    const params = request.params as { id?: string; departmentId?: string };
    const id: string = await ROUND.transform(params.id ?? '', { type: 'param', data: 'id' });
    const departmentId: string = await DEPARTMENT.transform(params.departmentId ?? '', { type: 'param', data: 'departmentId' });
    const round = await this.readableRound(principal, id, departmentId);
    const values = readSubmissionStepForm(step, request.body);
    await formAction({
      posted: request.body,
      values,
      errors: SUBMISSION_STEP_FORM_ERRORS,
      run: () => TAKE_STEP[step](this.submissions, actor, id, departmentId, values.text),
      failed: (failure) => this.page(reply, principal, round, departmentId, { step: { step, ...failure } }, failure.status),
      done: () => this.redirect(reply, id, departmentId, NEEDS_NOTICE_PARAMS.step, SUBMISSION_STEP_SLUGS[step]),
    });
  }

  /** The needs page, with what just happened or the form that failed (always the needs as they are now). */
  private async page(reply: FastifyReply, principal: Principal, round: RoundBasics, departmentId: string, state: NeedsPageState, status: number): Promise<void> {
    const data = await this.pageData(principal, round, departmentId);
    await this.views.send(reply, 'needs', buildNeedsPage(data, state, this.access(principal, departmentId)), status);
  }

  /** A step's confirmation page, when the step is offered now (else the needs page, which says why). */
  private async confirm(reply: FastifyReply, principal: Principal, id: string, departmentId: string, step: ConfirmedStep): Promise<void> {
    const round = await this.readableRound(principal, id, departmentId);
    const model = buildStepConfirmPage(await this.pageData(principal, round, departmentId), step, this.access(principal, departmentId));
    if (!model) return void reply.redirect(needsPath(id, departmentId), HttpStatus.SEE_OTHER);
    await this.views.send(reply, 'needs-step-confirm', model);
  }

  private access(principal: Principal, departmentId: string) {
    return { coordinator: mayWriteNeedsOf(principal, departmentId), management: mayEndorseNeedsOf(principal, departmentId) };
  }

  /** What the needs page shows: the submission and its history, the needs the reader may read, the reference data. */
  private async pageData(principal: Principal, round: RoundBasics, departmentId: string): Promise<NeedsPageData> {
    const [submission, needs, reference, history, answers] = await Promise.all([
      this.submissionOf(round.id, departmentId),
      this.needs.list(round.id, roundReadScope(principal), { departmentId }),
      this.referenceData(),
      this.submissions.history(round.id, departmentId),
      this.planCoverage.answersForDepartment(round.id, departmentId, mayReadPlanDraft(principal) ? 'draft' : 'latestVersion'),
    ]);
    const planAnswers = new Map([...answers].map(([needId, answer]) => [needId, planAnswerText(answer)]));
    return { round, departmentId, submission, needs, reference, today: this.rounds.today(), history, planAnswers };
  }

  /**
   * The round, when the department takes part in it (404 otherwise) and the
   * viewer may read its needs (403 otherwise: a participant of the round
   * reads only their own department's, or their committee's).
   */
  private async readableRound(principal: Principal, id: string, departmentId: string): Promise<RoundBasics> {
    const round = await this.rounds.basics(id);
    const participant = round.participants.find((p) => p.departmentId === departmentId);
    if (!participant) throw CommonError.notFound('Förvaltningen i planomgången', departmentId);
    if (!mayReadNeedsOf(roundReadScope(principal), participant)) throw IdentityError.forbidden();
    return round;
  }

  /** What the edit and remove pages show: the need, which must be this department's in this round (404 otherwise). */
  private async needPage(principal: Principal, id: string, departmentId: string, needId: string): Promise<NeedPageData & { submission: SubmissionRow }> {
    const round = await this.readableRound(principal, id, departmentId);
    const need = await this.needs.get(needId, id);
    if (need.departmentId !== departmentId) throw CommonError.notFound('Behovet', needId);
    const [submission, reference] = await Promise.all([this.submissionOf(id, departmentId), this.referenceData()]);
    return { round, departmentName: submission.departmentName, need, reference, today: this.rounds.today(), submission };
  }

  /** The edit and remove pages are offered only while the need may change; otherwise the error page says why (the service's words). */
  private async editableNeed(principal: Principal, id: string, departmentId: string, needId: string): Promise<NeedPageData> {
    const data = await this.needPage(principal, id, departmentId, needId);
    const refusal = needsChangeRefusal(data.round, data.submission.status);
    if (refusal) throw refusal;
    return data;
  }

  /** The department's submission (a draft when it has none yet). */
  private async submissionOf(roundId: string, departmentId: string): Promise<SubmissionRow> {
    const [row] = await this.submissions.list(roundId, { all: false, departmentIds: [departmentId], committeeIds: [] });
    if (!row) throw CommonError.notFound('Förvaltningen i planomgången', departmentId);
    return row;
  }

  /** Every channel, district and target group, retired ones too (a need may carry one; the forms offer only the active). */
  private async referenceData(): Promise<ReferenceData> {
    const [channels, districts, targetGroups] = await Promise.all([
      this.reference.list('channel', true),
      this.reference.list('district', true),
      this.reference.list('target_group', true),
    ]);
    return { channels, districts, targetGroups };
  }

  /** Post/redirect/get: 303 to the needs page, which names what was done. */
  private redirect(reply: FastifyReply, id: string, departmentId: string, param: string, value: string): void {
    void reply.redirect(`${needsPath(id, departmentId)}?${param}=${encodeURIComponent(value)}`, HttpStatus.SEE_OTHER);
  }
}

/** What the plan does with a need, as its department reads it: "Besvaras av insats LS-3", "Skjuts upp: <reason>". */
export function planAnswerText(answer: NeedAnswer): string {
  if (answer.kind === 'deferred') return `Skjuts upp: ${answer.reason}`;
  const codes = answer.items.map((i) => i.code);
  return codes.length === 1 ? `Besvaras av insats ${codes[0]}` : `Besvaras av insatserna ${codes.slice(0, -1).join(', ')} och ${codes[codes.length - 1]}`;
}
