import { ConsultationService, DecisionQueryService } from '@samverka/consultation';
import { Body, Controller, Get, HttpStatus, Param, Post, Query, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Actor } from '@samverka/audit';
import { Principal } from '@samverka/identity';
import { OrganisationRegistryService } from '@samverka/organisation';
import { maySteerRounds, PlanRoundCommandService, PlanRoundQueryService, PlanRoundStepService, RoundErrorCode, RoundReminderService, roundReadScope } from '@samverka/rounds';
import { PLAN_ROUND_FINAL_STATES } from '@samverka/workflow';
import type { FastifyReply } from 'fastify';
import { isUUID } from 'class-validator';
import { admin, fromParam, participantOfRound, signedIn, strategist } from '../../auth/access-rules';
import { Allow } from '../../auth/allow.decorator';
import { CurrentPrincipal } from '../../auth/request-principal';
import { CurrentActor } from '../../shell/current-actor.decorator';
import { UuidParam } from '../../shell/uuid-param';
import { fieldIds, formAction, FormRejected } from '../../shell/form-action';
import { FormFailure } from '../../shell/form-body';
import { defaultRoundForm, nextRoundForm, readRoundForm, roundFormErrors, RoundFormValues, toCreateRoundCommand } from './round-form';
import { DEADLINE_FORM_ERRORS, needsPastConfirmation, readDeadlineForm, toDeadlineCommand } from './deadline-form';
import { isSteeringEventType, readStepForm, STEP_FORM_ERRORS, toStepCommand } from './step-form';
import { buildDeadlineConfirm, buildLaunchConfirm } from './round-confirm.presenter';
import { buildNewRoundPage } from './new-round.presenter';
import { roundLaunchPath, roundPath } from './round-format';
import { buildRoundList } from './round-list.presenter';
import { buildRoundPage, ROUND_NOTICE_PARAMS, RoundPageState } from './round-page.presenter';
import { ROUNDS_PATH, ViewRenderer } from '../../shell/view-renderer';
import { WebExceptionFilter } from '../../shell/web-exception.filter';

const ROUND = UuidParam('Planomgången');
const DEPARTMENT = UuidParam('Förvaltningen');

/** Who may read a round: strategists and admins every round; coordinators, managers and committee secretaries of its participants. */
const ROUND_READERS = [admin(), strategist(), participantOfRound(fromParam('id'))];


/**
 * Planomgångar: the list, the new-round form, a round's page, and the step
 * forms on it. Everyone signed in gets the list of the rounds they may read;
 * only strategists create rounds and take steps. The pages call the round
 * services directly (the forms only map fields to commands and violations
 * back to fields: the rules are the rounds' own);
 * every form carries the session's CSRF token (checked by the AccessGuard)
 * and the readers take only their own named fields.
 */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller(ROUNDS_PATH.slice(1))
export class RoundsPagesController {
  constructor(
    private readonly rounds: PlanRoundQueryService,
    private readonly commands: PlanRoundCommandService,
    private readonly steps: PlanRoundStepService,
    private readonly reminders: RoundReminderService,
    private readonly registry: OrganisationRegistryService,
    private readonly views: ViewRenderer,
    private readonly decisions: DecisionQueryService,
    private readonly consultations: ConsultationService,
  ) {}

  @Get()
  @Allow(signedIn())
  async list(@CurrentPrincipal() principal: Principal, @Res() reply: FastifyReply): Promise<void> {
    const scope = roundReadScope(principal);
    const rounds = await this.rounds.list(scope);
    const own = await this.rounds.ownParticipation(rounds, scope.departmentIds);
    await this.views.send(reply, 'rounds', buildRoundList(rounds, maySteerRounds(principal), own));
  }

  @Get('ny')
  @Allow(strategist())
  async newRound(@Query('fran') from: unknown, @Res() reply: FastifyReply): Promise<void> {
    // "Starta från föregående omgång" (?fran=<id>): the form filled from that round; an unknown one is said at the choice.
    const proposal = typeof from === 'string' && isUUID(from) ? await this.rounds.nextRoundProposal(from.toLowerCase()) : null;
    if (proposal) return this.newRoundPage(reply, { values: nextRoundForm(proposal), errors: {}, general: [], status: HttpStatus.OK });
    const departments = await this.registry.listDepartments({ active: true });
    const active = (await this.rounds.list({ all: true, departmentIds: [], committeeIds: [] })).filter((r) => !PLAN_ROUND_FINAL_STATES.includes(r.state));
    const values = defaultRoundForm(this.rounds.today(), departments.map((d) => d.id), active.map((r) => r.year));
    const unknown = typeof from === 'string' && from !== '';
    await this.newRoundPage(reply, { values, errors: unknown ? { fromRoundId: 'Planomgången finns inte. Välj en av de tidigare omgångarna.' } : {}, general: [], status: unknown ? HttpStatus.UNPROCESSABLE_ENTITY : HttpStatus.OK });
  }

  @Post()
  @Allow(strategist())
  async create(@CurrentActor() actor: Actor, @Body() body: unknown, @Res() reply: FastifyReply): Promise<void> {
    const { values, action } = readRoundForm(body);
    await formAction({
      posted: body,
      values,
      errors: roundFormErrors(values),
      run: () => this.commands.create(actor, toCreateRoundCommand(values)),
      failed: (failure) => this.newRoundPage(reply, failure),
      // "Skapa och starta": the round is saved; launching asks first, on its confirmation page.
      done: (created) =>
        action === 'save' ? this.redirect(reply, created.id, { created: true }) : void reply.redirect(`${roundLaunchPath(created.id)}?${ROUND_NOTICE_PARAMS.created}=1`, HttpStatus.SEE_OTHER),
    });
  }

  /** "Starta behovsinsamlingen": whom launching emails and which departments nobody, before it is done (the form posts the step). */
  @Get(':id/starta')
  @Allow(strategist())
  async launchConfirmation(@Param('id', ROUND) id: string, @Query() query: Record<string, unknown>, @Res() reply: FastifyReply): Promise<void> {
    const view = await this.rounds.view(id);
    const preview = await this.rounds.launchPreview(view);
    await this.views.send(reply, 'round-launch', buildLaunchConfirm(view, preview, query[ROUND_NOTICE_PARAMS.created] === '1'));
  }

  /** A strategist reminds one department now; refused (on the round page) when done today already, handed in, or nobody to remind. */
  @Post(':id/forvaltningar/:departmentId/paminnelse')
  @Allow(strategist())
  async remind(
    @CurrentPrincipal() principal: Principal,
    @CurrentActor() actor: Actor,
    @Param('id', ROUND) id: string,
    @Param('departmentId', DEPARTMENT) departmentId: string,
    @Body() body: unknown,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await formAction({
      posted: body,
      values: {},
      errors: { fieldIdFor: fieldIds({}), refusals: { [RoundErrorCode.REMINDER_ALREADY_SENT]: null, [RoundErrorCode.REMINDER_NOT_POSSIBLE]: null } },
      run: () => this.reminders.remindDepartment(actor, id, departmentId),
      failed: (failure) => this.page(reply, principal, id, { reminder: { general: failure.general } }, failure.status),
      done: (reminder) => this.redirect(reply, id, { reminded: reminder.departmentId }),
    });
  }

  /** The deadline form's address opened directly: the round. */
  @Get(':id/tidsfrister')
  @Allow(...ROUND_READERS)
  deadlinesAddress(@Param('id', ROUND) id: string, @Res() reply: FastifyReply): void {
    void reply.redirect(roundPath(id), HttpStatus.SEE_OTHER);
  }

  /** Deadlines and auto-close; a needs deadline moved to today or earlier is asked about on a page of its own first. */
  @Post(':id/tidsfrister')
  @Allow(strategist())
  async deadlines(
    @CurrentPrincipal() principal: Principal,
    @CurrentActor() actor: Actor,
    @Param('id', ROUND) id: string,
    @Body() body: unknown,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const values = readDeadlineForm(body);
    await formAction({
      posted: body,
      values,
      errors: DEADLINE_FORM_ERRORS,
      run: async () => {
        const { input, version } = toDeadlineCommand(values);
        if (version === undefined) throw new FormRejected({}, ['Formuläret saknar planomgångens version. Ladda om sidan och försök igen.']);
        return this.commands.update(actor, id, input, version);
      },
      failed: async (failure, refusal) => {
        if (needsPastConfirmation(refusal)) {
          const view = await this.rounds.view(id);
          return this.views.send(reply, 'round-deadline-confirm', buildDeadlineConfirm(view, values));
        }
        return this.page(reply, principal, id, { deadlines: failure }, failure.status);
      },
      done: () => this.redirect(reply, id, { deadlines: true }),
    });
  }

  @Get(':id')
  @Allow(...ROUND_READERS)
  async show(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ROUND) id: string,
    @Query() query: Record<string, unknown>,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const step = query[ROUND_NOTICE_PARAMS.step];
    const reminded = query[ROUND_NOTICE_PARAMS.reminded];
    const notice = {
      created: query[ROUND_NOTICE_PARAMS.created] === '1',
      step: isSteeringEventType(step) ? step : null,
      reminded: typeof reminded === 'string' ? reminded : null,
      deadlinesChanged: query[ROUND_NOTICE_PARAMS.deadlines] === '1',
    };
    await this.page(reply, principal, id, { notice }, HttpStatus.OK);
  }

  /** The step form's address opened directly (a reload of a page shown after a failed step, the way back after signing in): the round. */
  @Get(':id/steg')
  @Allow(...ROUND_READERS)
  stepAddress(@Param('id', ROUND) id: string, @Res() reply: FastifyReply): void {
    void reply.redirect(roundPath(id), HttpStatus.SEE_OTHER);
  }

  @Post(':id/steg')
  @Allow(strategist())
  async step(
    @CurrentPrincipal() principal: Principal,
    @CurrentActor() actor: Actor,
    @Param('id', ROUND) id: string,
    @Body() body: unknown,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const values = readStepForm(body);
    await formAction({
      posted: body,
      values,
      errors: STEP_FORM_ERRORS,
      run: async () => {
        // Without the version the page showed, the step would be taken against whatever version is current.
        const { input, version, general } = toStepCommand(values);
        if (version === undefined) throw new FormRejected({}, general);
        await this.steps.transition(actor, id, input, version);
        return input.type;
      },
      failed: (step) => this.page(reply, principal, id, { step }, step.status),
      done: (type) => this.redirect(reply, id, { step: type }),
    });
  }

  /** The round page, with what just happened or the step form that failed (always the round as it is now). */
  private async page(reply: FastifyReply, principal: Principal, id: string, state: RoundPageState, status: number): Promise<void> {
    const [view, history, submissionSteps, decisions, consultation] = await Promise.all([
      this.rounds.view(id),
      this.rounds.historyOf(id),
      this.rounds.submissionStepsOf(id),
      this.decisions.decisionsOf(id),
      this.consultations.find(id),
    ]);
    const scope = roundReadScope(principal);
    const needs = { scope, ownDepartmentIds: scope.departmentIds };
    const remiss = consultation && { sent: consultation.sentAt !== null || consultation.sending > 1, recipients: consultation.recipients.map((r) => ({ committeeId: r.committeeId, name: r.name })) };
    const access = { steer: maySteerRounds(principal), needs, committeeIds: principal.committeeSecretary };
    await this.views.send(reply, 'round', buildRoundPage({ view, history, submissionSteps, decisions, remiss }, state, access), status);
  }

  /** The new-round form: as first shown (200), or again with what failed. */
  private async newRoundPage(reply: FastifyReply, form: FormFailure<RoundFormValues>): Promise<void> {
    const departments = await this.registry.listDepartments({ active: true });
    const earlierRounds = (await this.rounds.list({ all: true, departmentIds: [], committeeIds: [] })).filter((r) => r.state !== 'preparing');
    await this.views.send(reply, 'round-new', buildNewRoundPage({ departments, today: this.rounds.today(), earlierRounds }, form.values, form.errors, form.general), form.status);
  }

  /** Post/redirect/get: 303 to the round page, which names what was done. */
  private redirect(reply: FastifyReply, id: string, notice: { created?: boolean; step?: string; reminded?: string; deadlines?: boolean }): void {
    const params = new URLSearchParams();
    if (notice.created) params.set(ROUND_NOTICE_PARAMS.created, '1');
    if (notice.step) params.set(ROUND_NOTICE_PARAMS.step, notice.step);
    if (notice.reminded) params.set(ROUND_NOTICE_PARAMS.reminded, notice.reminded);
    if (notice.deadlines) params.set(ROUND_NOTICE_PARAMS.deadlines, '1');
    void reply.redirect(`${roundPath(id)}?${params.toString()}`, HttpStatus.SEE_OTHER);
  }
}
