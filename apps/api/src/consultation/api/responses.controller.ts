import { Body, Controller, Get, HttpCode, Post, Put, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Actor } from '@samverka/audit';
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_MEDIA_TYPES, ResponseService } from '@samverka/consultation';
import { Principal } from '@samverka/identity';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AccessRule, admin, fromBody, fromParam, participantOfRound, secretaryOf, strategist } from '../../auth/access-rules';
import { Allow } from '../../auth/allow.decorator';
import { CurrentPrincipal } from '../../auth/request-principal';
import { ApiAnswer, ApiErrors } from '../../shell/api-contract';
import { CurrentActor } from '../../shell/current-actor.decorator';
import { IdParam } from '../../shell/uuid-param';
import {
  CommitteeResponsesDto,
  ProposalSuggestionsDto,
  ProposalSuggestionsRequestDto,
  ReviseResponseDto,
  ResponseDraftDto,
  ResponseDto,
  SubmitResponseDto,
  SubmittedResponseDto,
  UploadedAttachmentDto,
} from './dto/responses.dto';
import { readUpload } from './upload';

/** The committee's response: its secretaries, strategists and admins (another committee's secretary is refused). */
const RESPONSE_READERS = [strategist(), admin(), secretaryOf(fromParam('committeeId'))];
/** Writing it: its secretaries, and strategists (a response received on paper). */
const RESPONSE_WRITERS = [strategist(), secretaryOf(fromParam('committeeId'))];

/** An ASCII file name for Content-Disposition (å, ä, ö → a, a, o; anything else unusual → _). */
const asciiFileName = (name: string) => name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^\w.-]+/g, '_');

/**
 * Yttranden: a recipient committee's formal response, its draft and its signed document; the
 * proposal finder. The text is kept exactly as sent; a correction is a new revision.
 */
@ApiTags('consultation')
@Controller('api/v1/rounds/:id/consultation')
export class ResponsesController {
  constructor(private readonly responses: ResponseService) {}

  @Post('responses')
  @ApiAnswer(201, SubmittedResponseDto)
  @ApiErrors(400, 403, 404, 409)
  @Allow(secretaryOf(fromBody('committeeId')), strategist())
  @ApiOperation({
    summary:
      "Submit the committee's response (its secretary; a strategist only with receivedOnPaper: true, else 403 RESPONSE_ONLY_ON_PAPER) while the round is in consultation or compiling responses; " +
      'a second one is 409 RESPONSE_EXISTS (a correction is …/revisions); the draft is removed and its document moves to the response; a receipt is emailed to the submitter and the committee\'s secretaries',
  })
  submit(@CurrentPrincipal() principal: Principal, @CurrentActor() actor: Actor, @IdParam('id', 'Planomgången') id: string, @Body() dto: SubmitResponseDto): Promise<SubmittedResponseDto> {
    return this.responses.submit(principal, actor, id, dto);
  }

  @Post('responses/:committeeId/revisions')
  @ApiAnswer(201, SubmittedResponseDto)
  @ApiErrors(400, 403, 404, 409)
  @Allow(...RESPONSE_WRITERS)
  @ApiOperation({ summary: 'Correct the committee\'s response: a new revision; the current one is superseded and kept (404 RESPONSE_NOT_FOUND when there is none); the earlier signed document is kept unless a new one was attached or removeAttachment; a receipt is emailed' })
  revise(
    @CurrentPrincipal() principal: Principal,
    @CurrentActor() actor: Actor,
    @IdParam('id', 'Planomgången') id: string,
    @IdParam('committeeId', 'Nämnden') committeeId: string,
    @Body() dto: ReviseResponseDto,
  ): Promise<SubmittedResponseDto> {
    return this.responses.revise(principal, actor, id, committeeId, dto);
  }

  @Get('responses/:committeeId')
  @ApiAnswer(200, CommitteeResponsesDto)
  @ApiErrors(403, 404)
  @Allow(...RESPONSE_READERS)
  @ApiOperation({ summary: "The committee's current response, its draft and its earlier revisions (its secretaries, strategists, admins)" })
  get(@CurrentPrincipal() principal: Principal, @IdParam('id', 'Planomgången') id: string, @IdParam('committeeId', 'Nämnden') committeeId: string): Promise<CommitteeResponsesDto> {
    return this.responses.get(principal, id, committeeId);
  }

  @Put('responses/:committeeId/draft')
  @ApiAnswer(200, ResponseDto)
  @ApiErrors(400, 403, 404, 409)
  @Allow(...RESPONSE_WRITERS)
  @ApiOperation({ summary: "Save the committee's draft response: any subset of the fields (those sent replace the draft's)" })
  saveDraft(
    @CurrentPrincipal() principal: Principal,
    @CurrentActor() actor: Actor,
    @IdParam('id', 'Planomgången') id: string,
    @IdParam('committeeId', 'Nämnden') committeeId: string,
    @Body() dto: ResponseDraftDto,
  ): Promise<ResponseDto> {
    return this.responses.saveDraft(principal, actor, id, committeeId, dto);
  }

  @Put('responses/:committeeId/draft/attachment')
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary', description: `the signed response, PDF or DOCX (checked by content), at most ${ATTACHMENT_MAX_BYTES} bytes` } } } })
  @ApiAnswer(200, UploadedAttachmentDto)
  @ApiErrors(400, 403, 404, 409)
  @Allow(...RESPONSE_WRITERS)
  @ApiOperation({ summary: "Attach the signed document to the committee's draft (replacing an earlier one); answers the text found in it, to prefill the full text (never saved as the text by itself)" })
  async attach(
    @CurrentPrincipal() principal: Principal,
    @CurrentActor() actor: Actor,
    @IdParam('id', 'Planomgången') id: string,
    @IdParam('committeeId', 'Nämnden') committeeId: string,
    @Req() request: FastifyRequest,
  ): Promise<UploadedAttachmentDto> {
    const { file } = await readUpload(request);
    return this.responses.attach(principal, actor, id, committeeId, file);
  }

  @Get('attachments/:attachmentId')
  @ApiResponse({
    status: 200,
    description: 'the signed response document (PDF or DOCX)',
    headers: { 'Content-Disposition': { description: 'attachment; filename="…"', required: true, schema: { type: 'string', pattern: '^attachment; filename="[^"]+"$' } } },
    content: Object.fromEntries(ATTACHMENT_MEDIA_TYPES.map((type) => [type, { schema: { type: 'string', format: 'binary' } }])),
  })
  @ApiErrors(403, 404)
  @Allow(strategist(), admin(), participantOfRound(fromParam('id')))
  @ApiOperation({ summary: "Download a response's document: a submitted response's, for whoever may read the round; a draft's, for the committee's secretaries, strategists and admins" })
  async attachment(
    @CurrentPrincipal() principal: Principal,
    @IdParam('id', 'Planomgången') id: string,
    @IdParam('attachmentId', 'Dokumentet') attachmentId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    // The rule above let in only those who may read the round.
    const file = await this.responses.attachment(principal, id, attachmentId, true);
    void reply.header('content-type', file.mediaType).header('content-disposition', `attachment; filename="${asciiFileName(file.fileName)}"`).header('cache-control', 'no-store');
    return file.content;
  }

  @Post('proposal-suggestions')
  @ApiAnswer(200, ProposalSuggestionsDto)
  @ApiErrors(400, 404)
  @Allow(strategist(), secretaryAnywhere())
  @HttpCode(200)
  @ApiOperation({ summary: 'The proposals found in a response text ("… föreslår … att" lists, "med tillägg att", "behöver … ske", …), to confirm, edit or drop; nothing is saved' })
  suggest(@IdParam('id', 'Planomgången') id: string, @Body() dto: ProposalSuggestionsRequestDto): Promise<ProposalSuggestionsDto> {
    return this.responses.suggestProposals(id, dto.text);
  }
}

/** A committee secretary (of any committee): the finder reads only the text it is given. */
function secretaryAnywhere(): AccessRule {
  return { description: 'committee_secretary of any committee', holds: (p) => p.committeeSecretary.length > 0 };
}
