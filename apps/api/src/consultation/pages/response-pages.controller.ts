import { Body, Controller, Get, HttpStatus, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Actor } from '@samverka/audit';
import { CommitteeResponsesView, ConsultationError, ConsultationErrorCode, mayWriteResponseOf, RESPONDING_STATES, respondsAsSecretary, ResponseService } from '@samverka/consultation';
import { Principal } from '@samverka/identity';
import { PlanRoundQueryService } from '@samverka/rounds';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { admin, fromParam, secretaryOf, strategist } from '../../auth/access-rules';
import { Allow } from '../../auth/allow.decorator';
import { CurrentPrincipal } from '../../auth/request-principal';
import { CurrentActor } from '../../shell/current-actor.decorator';
import { formAction } from '../../shell/form-action';
import { formField } from '../../shell/form-body';
import { UuidParam } from '../../shell/uuid-param';
import { ROUNDS_PATH, ViewRenderer } from '../../shell/view-renderer';
import { WebExceptionFilter } from '../../shell/web-exception.filter';
import { takePageUpload } from '../api/upload';
import {
  emptyResponseForm,
  readResponseForm,
  readResponseFormAction,
  RESPONSE_FORM_MULTI_LINE,
  ResponseFormValues,
  responseFormErrors,
  responseFormValues,
  responseFromDraft,
  sentProposalRows,
  toResponseDraft,
} from './response-form';
import {
  buildResponseConfirmPage,
  buildResponsePage,
  RESPONSE_NOTICES,
  ResponseFormFailure,
  ResponseNotice,
  responsePath,
  ResponseRoundHead,
  ResponseViewer,
} from './response-page.presenter';

const ROUND = UuidParam('Planomgången');
const COMMITTEE = UuidParam('Nämnden');
const ATTACHMENT = UuidParam('Dokumentet');

/** The committee's page: its secretaries, strategists and admins (another committee's secretary is refused). */
const RESPONSE_READERS = [strategist(), admin(), secretaryOf(fromParam('committeeId'))];
/** The forms: its secretaries, and strategists (a response received on paper). */
const RESPONSE_WRITERS = [strategist(), secretaryOf(fromParam('committeeId'))];

/** The notice after a redirect, by its slug in the address. */
const NOTICE_SLUGS: Readonly<Record<string, ResponseNotice>> = { utkast: 'draftSaved', inskickat: 'submitted' };
const NOTICE_PARAM = 'klart';

/** Asks for the correction form (`?ratta=1`). */
const CORRECTION_PARAM = 'ratta';

/** An ASCII file name for Content-Disposition (å, ä, ö → a, a, o; anything else unusual → _). */
const asciiFileName = (name: string) => name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^\w.-]+/g, '_');

const viewerOf = (principal: Principal, committeeId: string): ResponseViewer => ({
  mayWrite: mayWriteResponseOf(principal, committeeId),
  onPaper: !respondsAsSecretary(principal, committeeId),
});

/**
 * Yttranden's pages, at /planomgangar/:id/remiss/:committeeId: the committee's page (the remiss,
 * its current response and earlier revisions) with the response form, the signed document's upload
 * (a multipart form of its own: the text found in it prefills the full text), the proposal finder
 * (a post that shows what it found as rows to keep or drop) and the confirmation before submitting.
 * Everything works without JavaScript: form posts through formAction, errors at the fields.
 */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller(`${ROUNDS_PATH.slice(1)}/:id/remiss/:committeeId`)
export class ResponsePagesController {
  constructor(
    private readonly responses: ResponseService,
    private readonly rounds: PlanRoundQueryService,
    private readonly views: ViewRenderer,
  ) {}

  @Get()
  @Allow(...RESPONSE_READERS)
  async show(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ROUND) id: string,
    @Param('committeeId', COMMITTEE) committeeId: string,
    @Query() query: Record<string, unknown>,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const { round, view } = await this.load(principal, id, committeeId);
    const viewer = viewerOf(principal, committeeId);
    const correction = query[CORRECTION_PARAM] === '1';
    const notice = typeof query[NOTICE_PARAM] === 'string' ? NOTICE_SLUGS[query[NOTICE_PARAM]] : undefined;
    await this.views.send(reply, 'consultation-response', buildResponsePage(round, view, viewer, { values: savedValues(round, view, viewer, correction), notice: notice ? RESPONSE_NOTICES[notice] : null }));
  }

  /** The form's three buttons: save the draft, find the proposals in the text, or go on to the confirmation. */
  @Post()
  @Allow(...RESPONSE_WRITERS)
  async post(
    @CurrentPrincipal() principal: Principal,
    @CurrentActor() actor: Actor,
    @Param('id', ROUND) id: string,
    @Param('committeeId', COMMITTEE) committeeId: string,
    @Body() body: unknown,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const { round, view } = await this.load(principal, id, committeeId);
    const viewer = viewerOf(principal, committeeId);
    const values = readResponseForm(body, areaCodes(round), questionIds(view), viewer.onPaper);
    const action = readResponseFormAction(body);
    const page = (failure: ResponseFormFailure | undefined, status: number, suggested = false) =>
      this.views.send(reply, 'consultation-response', buildResponsePage(round, view, viewer, { values, failure, suggested }), status);
    if (action === 'suggest') {
      // Nothing is saved: the found proposals are offered as rows to keep (or edit, or leave).
      return formAction({
        posted: body,
        values,
        errors: { fieldIdFor: (path) => (path === 'text' ? 'text' : undefined), multiLine: RESPONSE_FORM_MULTI_LINE, readByOwnRule: ['action', 'proposalKeep[]'] },
        run: () => this.responses.suggestProposals(id, values.text),
        failed: (failure) => page(failure, failure.status),
        done: ({ proposals }) => {
          const known = new Set(values.proposals.map((p) => p.text.trim()));
          const found = proposals.filter((p) => !known.has(p.text.trim())).map((p) => ({ text: p.text, areaCode: '', itemCode: '', keep: false }));
          const shown = { ...values, proposals: [...values.proposals, ...found] };
          const general = found.length === 0 ? ['Inga förslag hittades i texten. Skriv in nämndens förslag själv, ett per rad.'] : [];
          return this.views.send(
            reply,
            'consultation-response',
            buildResponsePage(round, view, viewer, {
              values: shown,
              suggested: true,
              notice: found.length > 0 ? `${found.length} förslag hittades i texten. Kryssa i dem som ska följa med yttrandet och rätta texten vid behov.` : null,
              failure: general.length > 0 ? { values: shown, errors: {}, general } : undefined,
            }),
          );
        },
      });
    }
    const draft = toResponseDraft(values);
    await formAction({
      posted: body,
      values,
      errors: responseFormErrors(draft, sentProposalRows(values)),
      run: () => this.responses.saveDraft(principal, actor, id, committeeId, draft),
      failed: (failure) => page(failure, failure.status),
      done: async (saved) => {
        if (action === 'draft') return void reply.redirect(`${responsePath(id, committeeId)}?${NOTICE_PARAM}=utkast`, HttpStatus.SEE_OTHER);
        const fresh: CommitteeResponsesView = { ...view, draft: saved };
        await this.views.send(reply, 'consultation-response-confirm', buildResponseConfirmPage(round, fresh, saved, viewer, values.receivedOnPaper));
      },
    });
  }

  /** The confirmation's button: registers the saved draft as the committee's response (or its correction). */
  @Post('skicka')
  @Allow(...RESPONSE_WRITERS)
  async submit(
    @CurrentPrincipal() principal: Principal,
    @CurrentActor() actor: Actor,
    @Param('id', ROUND) id: string,
    @Param('committeeId', COMMITTEE) committeeId: string,
    @Body() body: unknown,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const { round, view } = await this.load(principal, id, committeeId);
    const viewer = viewerOf(principal, committeeId);
    const draft = view.draft;
    if (!draft) return void reply.redirect(responsePath(id, committeeId), HttpStatus.SEE_OTHER);
    const input = { ...responseFromDraft(committeeId, draft, viewer.onPaper && formField(body, 'receivedOnPaper') === 'true'), removeAttachment: view.current !== null && formField(body, 'removeAttachment') === 'true' };
    const values = responseFormValues(draft, areaCodes(round), questionIds(view), viewer.onPaper);
    if (formField(body, 'draftSavedAt') !== draft.updatedAt.toISOString()) {
      // What was confirmed is what is registered: a draft saved again since (in another tab, by someone else) is shown to be checked.
      const general = ['Utkastet har ändrats sedan du bekräftade det. Kontrollera det och skicka in igen.'];
      return this.views.send(reply, 'consultation-response', buildResponsePage(round, view, viewer, { values, failure: { values, errors: {}, general } }), HttpStatus.CONFLICT);
    }
    await formAction({
      posted: null,
      values,
      errors: responseFormErrors(input, draft.proposals.map((_, i) => i)),
      run: () => (view.current ? this.responses.revise(principal, actor, id, committeeId, input) : this.responses.submit(principal, actor, id, input)),
      failed: (failure) => this.views.send(reply, 'consultation-response', buildResponsePage(round, view, viewer, { values, failure }), failure.status),
      done: () => void reply.redirect(`${responsePath(id, committeeId)}?${NOTICE_PARAM}=inskickat`, HttpStatus.SEE_OTHER),
    });
  }

  /** The signed document, without JavaScript: stored on the draft, its text prefilled in the form for the person to check. */
  @Post('dokument')
  @Allow(...RESPONSE_WRITERS)
  async upload(
    @CurrentPrincipal() principal: Principal,
    @CurrentActor() actor: Actor,
    @Param('id', ROUND) id: string,
    @Param('committeeId', COMMITTEE) committeeId: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const { round, view } = await this.load(principal, id, committeeId);
    const viewer = viewerOf(principal, committeeId);
    const before = savedValues(round, view, viewer, true) ?? emptyResponseForm(areaCodes(round), questionIds(view), viewer.onPaper);
    await formAction({
      posted: null,
      values: before,
      errors: { fieldIdFor: (path) => (path === 'file' ? 'file' : undefined) },
      run: () => this.responses.attach(principal, actor, id, committeeId, takePageUpload(request)),
      failed: (failure) => this.views.send(reply, 'consultation-response', buildResponsePage(round, view, viewer, { values: before, failure }), failure.status),
      done: async (attached) => {
        const after = await this.responses.get(principal, id, committeeId);
        const values = { ...before, text: attached.extractedText ?? before.text };
        const notice = attached.extractedText
          ? `${RESPONSE_NOTICES.uploaded} Texten står nu i fältet för yttrandets fullständiga text; den sparas först när du sparar utkastet eller skickar in.`
          : 'Dokumentet är bifogat. Ingen text kunde hämtas ur det; skriv eller klistra in yttrandets text.';
        await this.views.send(reply, 'consultation-response', buildResponsePage(round, after, viewer, { values, notice }));
      },
    });
  }

  /** The attached document (the current response's, an earlier revision's or the draft's). */
  @Get('dokument/:attachmentId')
  @Allow(...RESPONSE_READERS)
  async download(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ROUND) id: string,
    @Param('committeeId', COMMITTEE) committeeId: string,
    @Param('attachmentId', ATTACHMENT) attachmentId: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const view = await this.responses.get(principal, id, committeeId);
    const mine = [view.current, view.draft, ...view.revisions].some((r) => r?.attachment?.id === attachmentId);
    // Only this committee's documents are reached through its page.
    if (!mine) throw new ConsultationError(ConsultationErrorCode.ATTACHMENT_NOT_FOUND, 'Nämndens yttrande har inget sådant bifogat dokument', { attachmentId });
    const file = await this.responses.attachment(principal, id, attachmentId, false);
    void reply.header('content-type', file.mediaType).header('content-disposition', `attachment; filename="${asciiFileName(file.fileName)}"`).header('cache-control', 'no-store').send(file.content);
  }

  private async load(principal: Principal, id: string, committeeId: string): Promise<{ round: ResponseRoundHead; view: CommitteeResponsesView }> {
    const view = await this.responses.get(principal, id, committeeId);
    const basics = await this.rounds.basics(id);
    return { round: { id, title: basics.title, areas: basics.areas, responding: RESPONDING_STATES.includes(basics.state) }, view };
  }
}

const areaCodes = (round: ResponseRoundHead): string[] => round.areas.map((a) => a.code);
const questionIds = (view: CommitteeResponsesView): string[] => view.questions.map((q) => q.id);

/**
 * The form as saved: the draft; for a correction without one, the current response; with no
 * response yet, empty. Null when the committee has responded and no correction is asked for (or
 * the viewer only reads, or the round takes no responses now).
 */
function savedValues(round: ResponseRoundHead, view: CommitteeResponsesView, viewer: ResponseViewer, correction: boolean): ResponseFormValues | null {
  if (!viewer.mayWrite || !round.responding) return null;
  if (view.draft) return responseFormValues(view.draft, areaCodes(round), questionIds(view), viewer.onPaper);
  if (view.current) return correction ? responseFormValues(view.current, areaCodes(round), questionIds(view), viewer.onPaper) : null;
  return emptyResponseForm(areaCodes(round), questionIds(view), viewer.onPaper);
}
