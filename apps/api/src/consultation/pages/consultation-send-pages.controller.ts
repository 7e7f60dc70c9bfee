import { Body, Controller, Get, HttpStatus, Param, Post, Query, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Actor } from '@samverka/audit';
import { ConsultationError, ConsultationErrorCode, ConsultationExtensionService, ConsultationRecipientView, ConsultationService } from '@samverka/consultation';
import { Principal } from '@samverka/identity';
import { PlanRoundQueryService } from '@samverka/rounds';
import type { FastifyReply } from 'fastify';
import { admin, fromParam, participantOfRound, secretaryOf, strategist } from '../../auth/access-rules';
import { Allow } from '../../auth/allow.decorator';
import { CurrentPrincipal } from '../../auth/request-principal';
import { CurrentActor } from '../../shell/current-actor.decorator';
import { formAction, FormRejected, validInput } from '../../shell/form-action';
import { dateError, FormFailure } from '../../shell/form-body';
import { UuidParam } from '../../shell/uuid-param';
import { ROUNDS_PATH, ViewRenderer } from '../../shell/view-renderer';
import { WebExceptionFilter } from '../../shell/web-exception.filter';
import {
  DECIDE_FORM_ERRORS,
  EXTENSION_REQUEST_FORM_ERRORS,
  ExtensionRequestFormValues,
  prepareFormErrors,
  PrepareFormValues,
  readDecideForm,
  readExtensionRequestForm,
  readPrepareForm,
  validateExtensionRequestForm,
  validatePrepareForm,
} from './consultation-send-forms';
import {
  buildConsultationPage,
  buildExtensionRequestPage,
  buildPreparePage,
  CONSULTATION_NOTICE_PARAM,
  ConsultationPageState,
  consultationPagePath,
  readConsultationNotice,
} from './consultation-send-pages.presenter';

const ROUND = UuidParam('Planomgången');
const COMMITTEE = UuidParam('Nämnden');
const EXTENSION = UuidParam('Begäran om anstånd');
const COMMITTEE_SECRETARY = secretaryOf(fromParam('committeeId'));

/**
 * The remiss's pages: who has responded (/planomgangar/:id/remiss, with the strategists' decide forms
 * per open extension), the strategists' prepare form (…/remiss/forbered) and a committee's request
 * for an extension (…/remiss/:committeeId/anstand). Every form works without JavaScript.
 */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller(`${ROUNDS_PATH.slice(1)}/:id/remiss`)
export class ConsultationSendPagesController {
  constructor(
    private readonly consultations: ConsultationService,
    private readonly extensions: ConsultationExtensionService,
    private readonly rounds: PlanRoundQueryService,
    private readonly views: ViewRenderer,
  ) {}

  @Get()
  @Allow(strategist(), admin(), participantOfRound(fromParam('id')))
  async status(@CurrentPrincipal() principal: Principal, @Param('id', ROUND) id: string, @Query() query: Record<string, unknown>, @Res() reply: FastifyReply): Promise<void> {
    await this.statusPage(reply, principal, id, { notice: readConsultationNotice(query) }, HttpStatus.OK);
  }

  @Get('forbered')
  @Allow(strategist())
  async prepareForm(@Param('id', ROUND) id: string, @Res() reply: FastifyReply): Promise<void> {
    await this.preparePage(reply, id, undefined, HttpStatus.OK);
  }

  @Post('forbered')
  @Allow(strategist())
  async prepare(@CurrentActor() actor: Actor, @Param('id', ROUND) id: string, @Body() body: unknown, @Res() reply: FastifyReply): Promise<void> {
    const values = readPrepareForm(body);
    await formAction({
      posted: body,
      values,
      errors: prepareFormErrors(values),
      run: () => this.consultations.prepare(actor, id, validInput(validatePrepareForm(values))),
      failed: (failure) => this.preparePage(reply, id, failure, failure.status),
      done: () => void reply.redirect(`${consultationPagePath(id)}?klart=${CONSULTATION_NOTICE_PARAM.prepared}`, HttpStatus.SEE_OTHER),
    });
  }

  @Get(':committeeId/anstand')
  @Allow(strategist(), COMMITTEE_SECRETARY)
  async requestForm(@Param('id', ROUND) id: string, @Param('committeeId', COMMITTEE) committeeId: string, @Res() reply: FastifyReply): Promise<void> {
    await this.requestPage(reply, id, await this.recipient(id, committeeId), undefined, HttpStatus.OK);
  }

  @Post(':committeeId/anstand')
  @Allow(strategist(), COMMITTEE_SECRETARY)
  async request(
    @CurrentActor() actor: Actor,
    @Param('id', ROUND) id: string,
    @Param('committeeId', COMMITTEE) committeeId: string,
    @Body() body: unknown,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const recipient = await this.recipient(id, committeeId);
    const values = readExtensionRequestForm(body);
    await formAction({
      posted: body,
      values,
      errors: EXTENSION_REQUEST_FORM_ERRORS,
      run: () => this.extensions.request(actor, id, committeeId, validInput(validateExtensionRequestForm(values))),
      failed: (failure) => this.requestPage(reply, id, recipient, failure, failure.status),
      done: () => void reply.redirect(`${consultationPagePath(id)}?klart=${CONSULTATION_NOTICE_PARAM.requested}`, HttpStatus.SEE_OTHER),
    });
  }

  @Post(':committeeId/anstand/:extensionId/bevilja')
  @Allow(strategist())
  async approve(
    @CurrentPrincipal() principal: Principal,
    @CurrentActor() actor: Actor,
    @Param('id', ROUND) id: string,
    @Param('committeeId', COMMITTEE) committeeId: string,
    @Param('extensionId', EXTENSION) extensionId: string,
    @Body() body: unknown,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return this.decide(reply, principal, id, extensionId, body, CONSULTATION_NOTICE_PARAM.approved, (values) => {
      const date = dateError(values.replyBy, 'Det nya svarsdatumet', false);
      if (date) throw new FormRejected({ replyBy: date });
      return this.extensions.approve(actor, id, committeeId, extensionId, values.replyBy === '' ? {} : { replyBy: values.replyBy });
    });
  }

  @Post(':committeeId/anstand/:extensionId/avsla')
  @Allow(strategist())
  async decline(
    @CurrentPrincipal() principal: Principal,
    @CurrentActor() actor: Actor,
    @Param('id', ROUND) id: string,
    @Param('committeeId', COMMITTEE) committeeId: string,
    @Param('extensionId', EXTENSION) extensionId: string,
    @Body() body: unknown,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return this.decide(reply, principal, id, extensionId, body, CONSULTATION_NOTICE_PARAM.declined, (values) =>
      this.extensions.decline(actor, id, committeeId, extensionId, { reason: values.reason }),
    );
  }

  /** Approving or declining an extension: the decision form's post, its refusal shown at that request on the status page, else back there with the notice. */
  private async decide(reply: FastifyReply, principal: Principal, id: string, extensionId: string, body: unknown, notice: string, run: (values: ReturnType<typeof readDecideForm>) => Promise<unknown>): Promise<void> {
    const values = readDecideForm(body);
    await formAction({
      posted: body,
      values,
      errors: DECIDE_FORM_ERRORS,
      run: () => run(values),
      failed: (failure) => this.statusPage(reply, principal, id, { failed: { extensionId, failure } }, failure.status),
      done: () => void reply.redirect(`${consultationPagePath(id)}?klart=${notice}`, HttpStatus.SEE_OTHER),
    });
  }

  private async statusPage(reply: FastifyReply, principal: Principal, id: string, state: ConsultationPageState, status: number): Promise<void> {
    const round = await this.rounds.basics(id);
    const view = await this.consultations.find(id);
    await this.views.send(reply, 'consultation-status', buildConsultationPage(round, view, principal, state), status);
  }

  private async preparePage(reply: FastifyReply, id: string, failure: FormFailure<PrepareFormValues> | undefined, status: number): Promise<void> {
    const round = await this.rounds.basics(id);
    const [options, current] = [await this.consultations.prepareOptions(id), await this.consultations.find(id)];
    await this.views.send(reply, 'consultation-prepare', buildPreparePage(round, options, current, failure), status);
  }

  private async requestPage(reply: FastifyReply, id: string, recipient: ConsultationRecipientView, failure: FormFailure<ExtensionRequestFormValues> | undefined, status: number): Promise<void> {
    const round = await this.rounds.basics(id);
    await this.views.send(reply, 'consultation-extension-request', buildExtensionRequestPage(round, recipient, failure), status);
  }

  /** The committee as a recipient of the round's remiss (404 when it is none). */
  private async recipient(id: string, committeeId: string): Promise<ConsultationRecipientView> {
    const recipient = (await this.consultations.get(id)).recipients.find((r) => r.committeeId === committeeId);
    if (!recipient) throw new ConsultationError(ConsultationErrorCode.RECIPIENT_NOT_FOUND, 'Nämnden är inte remissinstans i planomgången', { committeeId });
    return recipient;
  }
}
