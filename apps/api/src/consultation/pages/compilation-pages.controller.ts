import { Body, Controller, Get, HttpStatus, Param, Post, Query, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Actor } from '@samverka/audit';
import { CompilationService, mayTriage, TRIAGE_STATES } from '@samverka/consultation';
import { Principal } from '@samverka/identity';
import type { FastifyReply } from 'fastify';
import { admin, fromParam, participantOfRound, strategist } from '../../auth/access-rules';
import { Allow } from '../../auth/allow.decorator';
import { CurrentPrincipal } from '../../auth/request-principal';
import { CurrentActor } from '../../shell/current-actor.decorator';
import { formAction } from '../../shell/form-action';
import { UuidParam } from '../../shell/uuid-param';
import { ROUNDS_PATH, ViewRenderer } from '../../shell/view-renderer';
import { WebExceptionFilter } from '../../shell/web-exception.filter';
import { readTriageForm, TRIAGE_FORM_ERRORS, triageInput, triageVersion } from './compilation-forms';
import { buildCompilationPage, CompilationPageState, compilationPagePath, TRIAGED_NOTICE_PARAM } from './compilation-page.presenter';

const ROUND = UuidParam('Planomgången');
const PROPOSAL = UuidParam('Förslaget');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Sammanställningen (/planomgangar/:id/remiss/sammanstallning): read by whoever may read the round,
 * filtered to one committee with `?namnd=`; strategists triage each untriaged proposal with a form.
 */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller(`${ROUNDS_PATH.slice(1)}/:id/remiss/sammanstallning`)
export class CompilationPagesController {
  constructor(
    private readonly compilations: CompilationService,
    private readonly views: ViewRenderer,
  ) {}

  @Get()
  @Allow(strategist(), admin(), participantOfRound(fromParam('id')))
  async page(@CurrentPrincipal() principal: Principal, @Param('id', ROUND) id: string, @Query() query: Record<string, unknown>, @Res() reply: FastifyReply): Promise<void> {
    const committeeId = typeof query.namnd === 'string' && UUID.test(query.namnd) ? query.namnd.toLowerCase() : null;
    await this.render(reply, principal, id, committeeId, { notice: query.klart === TRIAGED_NOTICE_PARAM ? 'triaged' : undefined }, HttpStatus.OK);
  }

  @Post('forslag/:proposalId/behandla')
  @Allow(strategist())
  async triage(
    @CurrentPrincipal() principal: Principal,
    @CurrentActor() actor: Actor,
    @Param('id', ROUND) id: string,
    @Param('proposalId', PROPOSAL) proposalId: string,
    @Body() body: unknown,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const values = readTriageForm(body);
    await formAction({
      posted: body,
      values,
      errors: TRIAGE_FORM_ERRORS,
      run: () => this.compilations.triage(principal, actor, id, proposalId, triageInput(values), triageVersion(values)),
      failed: (failure) => this.render(reply, principal, id, null, { failed: { proposalId, failure } }, failure.status),
      done: () => void reply.redirect(`${compilationPagePath(id)}?klart=${TRIAGED_NOTICE_PARAM}#forslag-${proposalId}`, HttpStatus.SEE_OTHER),
    });
  }

  private async render(reply: FastifyReply, principal: Principal, id: string, committeeId: string | null, state: CompilationPageState, status: number): Promise<void> {
    const view = await this.compilations.compilation(principal, id, committeeId ?? undefined);
    await this.views.send(reply, 'consultation-compilation', buildCompilationPage(view, mayTriage(principal) && TRIAGE_STATES.includes(view.round.state), committeeId, state), status);
  }
}
