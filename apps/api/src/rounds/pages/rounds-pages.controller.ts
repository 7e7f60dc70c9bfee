import { Body, Controller, Get, HttpStatus, Param, Post, Query, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Actor } from '@samverka/audit';
import { Principal } from '@samverka/identity';
import { OrganisationRegistryService } from '@samverka/organisation';
import { maySteerRounds, PlanRoundCommandService, PlanRoundQueryService, PlanRoundStepService, roundReadScope } from '@samverka/rounds';
import { PLAN_ROUND_FINAL_STATES } from '@samverka/workflow';
import type { FastifyReply } from 'fastify';
import { admin, fromParam, participantOfRound, signedIn, strategist } from '../../auth/access-rules';
import { Allow } from '../../auth/allow.decorator';
import { CurrentPrincipal } from '../../auth/request-principal';
import { CurrentActor } from '../../shell/current-actor.decorator';
import { UuidParam } from '../../shell/uuid-param';
import { formAction, FormRejected } from '../../shell/form-action';
import { FormFailure } from '../../shell/form-body';
import { defaultRoundForm, readRoundForm, roundFormErrors, RoundFormValues, toCreateRoundCommand } from './round-form';
import { isSteeringEventType, readStepForm, STEP_FORM_ERRORS, toStepCommand } from './step-form';
import { buildNewRoundPage } from './new-round.presenter';
import { roundPath } from './round-format';
import { buildRoundList } from './round-list.presenter';
import { buildRoundPage, ROUND_NOTICE_PARAMS, RoundPageState } from './round-page.presenter';
import { ROUNDS_PATH, ViewRenderer } from '../../shell/view-renderer';
import { WebExceptionFilter } from '../../shell/web-exception.filter';

const ROUND = UuidParam('Planomgången');

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
    private readonly registry: OrganisationRegistryService,
    private readonly views: ViewRenderer,
  ) {}

  @Get()
  @Allow(signedIn())
  async list(@CurrentPrincipal() principal: Principal, @Res() reply: FastifyReply): Promise<void> {
    const rounds = await this.rounds.list(roundReadScope(principal));
    await this.views.send(reply, 'rounds', buildRoundList(rounds, maySteerRounds(principal)));
  }

  @Get('ny')
  @Allow(strategist())
  async newRound(@Res() reply: FastifyReply): Promise<void> {
    const departments = await this.registry.listDepartments({ active: true });
    const active = (await this.rounds.list({ all: true, departmentIds: [], committeeIds: [] })).filter((r) => !PLAN_ROUND_FINAL_STATES.includes(r.state));
    const values = defaultRoundForm(this.rounds.today(), departments.map((d) => d.id), active.map((r) => r.year));
    await this.newRoundPage(reply, { values, errors: {}, general: [], status: HttpStatus.OK });
  }

  @Post()
  @Allow(strategist())
  async create(@CurrentPrincipal() principal: Principal, @CurrentActor() actor: Actor, @Body() body: unknown, @Res() reply: FastifyReply): Promise<void> {
    const { values, action } = readRoundForm(body);
    await formAction({
      posted: body,
      values,
      errors: roundFormErrors(values),
      run: () => this.commands.create(actor, toCreateRoundCommand(values)),
      failed: (failure) => this.newRoundPage(reply, failure),
      done: (created) => (action === 'save' ? this.redirect(reply, created.id, { created: true }) : this.launch(reply, principal, actor, created)),
    });
  }

  /** "Skapa och starta": the round exists; when collecting needs cannot start, its page says why. */
  private launch(reply: FastifyReply, principal: Principal, actor: Actor, created: { id: string; version: number }): Promise<void> {
    return formAction({
      posted: null,
      values: { type: 'LAUNCH', force: false, reason: '', outcome: '', version: String(created.version) },
      errors: STEP_FORM_ERRORS,
      run: () => this.steps.transition(actor, created.id, { type: 'LAUNCH' }, created.version),
      failed: (failure) => {
        const step = { ...failure, general: ['Planomgången är sparad som förberedelse, men behovsinsamlingen kunde inte startas.', ...failure.general] };
        return this.page(reply, principal, created.id, { step }, failure.status);
      },
      done: () => this.redirect(reply, created.id, { created: true, step: 'LAUNCH' }),
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
    const notice = { created: query[ROUND_NOTICE_PARAMS.created] === '1', step: isSteeringEventType(step) ? step : null };
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
    const [view, history] = await Promise.all([this.rounds.view(id), this.rounds.historyOf(id)]);
    const scope = roundReadScope(principal);
    const needs = { scope, ownDepartmentIds: scope.departmentIds };
    await this.views.send(reply, 'round', buildRoundPage({ view, history }, state, { steer: maySteerRounds(principal), needs }), status);
  }

  /** The new-round form: as first shown (200), or again with what failed. */
  private async newRoundPage(reply: FastifyReply, form: FormFailure<RoundFormValues>): Promise<void> {
    const departments = await this.registry.listDepartments({ active: true });
    await this.views.send(reply, 'round-new', buildNewRoundPage({ departments, today: this.rounds.today() }, form.values, form.errors, form.general), form.status);
  }

  /** Post/redirect/get: 303 to the round page, which names what was done. */
  private redirect(reply: FastifyReply, id: string, notice: { created?: boolean; step?: string }): void {
    const params = new URLSearchParams();
    if (notice.created) params.set(ROUND_NOTICE_PARAMS.created, '1');
    if (notice.step) params.set(ROUND_NOTICE_PARAMS.step, notice.step);
    void reply.redirect(`${roundPath(id)}?${params.toString()}`, HttpStatus.SEE_OTHER);
  }
}
