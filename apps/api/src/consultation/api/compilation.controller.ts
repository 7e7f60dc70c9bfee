import { Body, Controller, Get, Headers, Put, Query, Res } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Actor } from '@samverka/audit';
import { CompilationFile, CompilationService } from '@samverka/consultation';
import { Principal } from '@samverka/identity';
import { CSV_CONTENT_TYPE } from '@samverka/kernel';
import { DOCX_CONTENT_TYPE } from '@samverka/plan';
import type { FastifyReply } from 'fastify';
import { admin, fromParam, participantOfRound, strategist } from '../../auth/access-rules';
import { Allow } from '../../auth/allow.decorator';
import { CurrentPrincipal } from '../../auth/request-principal';
import { etagOf, versionFromIfMatch } from '../../rounds/api/if-match';
import { ApiAnswer, ApiErrors, ApiFileAnswer, ETAG_HEADER } from '../../shell/api-contract';
import { CurrentActor } from '../../shell/current-actor.decorator';
import { IdParam } from '../../shell/uuid-param';
import { CompilationDto, CompilationQueryDto, CompiledProposalDto, TriageDto } from './dto/compilation.dto';

const ROUND = 'Planomgången';
const ROUND_READERS = [strategist(), admin(), participantOfRound(fromParam('id'))];

/** Sammanställning: the compilation of the consultation's responses (JSON, CSV, Word) and the strategists' triage of each proposal. */
@ApiTags('consultation')
@Controller('api/v1/rounds/:id/consultation')
export class CompilationController {
  constructor(private readonly compilations: CompilationService) {}

  private static download(reply: FastifyReply, file: CompilationFile): string | Buffer {
    void reply.header('content-type', file.contentType).header('content-disposition', `attachment; filename="${file.fileName}"`).header('cache-control', 'no-store');
    return file.content;
  }

  @Get('compilation')
  @ApiAnswer(200, CompilationDto)
  @ApiErrors(400, 403, 404)
  @Allow(...ROUND_READERS)
  @ApiOperation({ summary: "The compilation: counts per stance, each committee's current response, the comments per area, every proposal with its triage, proposals × committees" })
  async compilation(@CurrentPrincipal() principal: Principal, @IdParam('id', ROUND) id: string, @Query() query: CompilationQueryDto): Promise<CompilationDto> {
    const { committees: _committees, items: _items, planAreas: _planAreas, round, ...view } = await this.compilations.compilation(principal, id, query.committeeId);
    return { ...view, round: { title: round.title, caseNumber: round.caseNumber } };
  }

  @Get('compilation.csv')
  @Allow(...ROUND_READERS)
  @ApiProduces(CSV_CONTENT_TYPE)
  @ApiFileAnswer(CSV_CONTENT_TYPE, 'sammanstallning-<case number>.csv: one row per proposal (committee, proposal, area, item, decision, motivation, changed items, by, on); UTF-8 with BOM, `;`-separated')
  @ApiErrors(403, 404)
  @ApiOperation({ summary: 'The compilation’s proposals as CSV' })
  async csv(@CurrentPrincipal() principal: Principal, @IdParam('id', ROUND) id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<string | Buffer> {
    return CompilationController.download(reply, await this.compilations.csv(principal, id));
  }

  @Get('compilation/document.docx')
  @Allow(...ROUND_READERS)
  @ApiProduces(DOCX_CONTENT_TYPE)
  @ApiFileAnswer(DOCX_CONTENT_TYPE, 'the draft for the executive board: the case number, a summary of the stances, the triaged proposals, the responses with dates and §')
  @ApiErrors(403, 404)
  @ApiOperation({ summary: 'The compilation as a Word document (.docx)' })
  async document(@CurrentPrincipal() principal: Principal, @IdParam('id', ROUND) id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<string | Buffer> {
    return CompilationController.download(reply, await this.compilations.document(principal, id));
  }

  @Put('proposals/:proposalId/triage')
  @ApiAnswer(200, CompiledProposalDto, { headers: ETAG_HEADER })
  @ApiErrors(400, 403, 404, 409)
  @Allow(strategist())
  @ApiHeader({
    name: 'If-Match',
    required: false,
    description: "the triage's version read (`triageVersion`, or the ETag of the last triage); without it only the first triage; a stale one is refused with 409 VERSION_CONFLICT",
  })
  @ApiOperation({
    summary:
      'Triage (or re-triage, audited) a proposal: accepted, partly_accepted, rejected or noted, with a motivation and the plan items it changed. ' +
      'A re-triage names the version it changes (If-Match); a stale one, or one without If-Match of a triaged proposal, is 409 VERSION_CONFLICT with nothing written',
  })
  async triage(
    @CurrentPrincipal() principal: Principal,
    @CurrentActor() actor: Actor,
    @IdParam('id', ROUND) id: string,
    @IdParam('proposalId', 'Förslaget') proposalId: string,
    @Body() dto: TriageDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CompiledProposalDto> {
    const proposal = await this.compilations.triage(principal, actor, id, proposalId, dto, versionFromIfMatch(ifMatch, 'förslagets behandlings'));
    void reply.header('etag', etagOf(proposal.triageVersion));
    return proposal;
  }
}
