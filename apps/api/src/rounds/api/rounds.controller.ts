import { Body, Controller, Get, Headers, HttpCode, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor } from '@samverka/audit';
import { Principal } from '@samverka/identity';
import { PlanRoundCommandService, PlanRoundQueryService, PlanRoundStepService, PlanRoundView, RoundReminderService, roundReadScope } from '@samverka/rounds';
import type { FastifyReply } from 'fastify';
import { admin, fromParam, participantOfRound, signedIn, strategist } from '../../auth/access-rules';
import { Allow } from '../../auth/allow.decorator';
import { CurrentPrincipal } from '../../auth/request-principal';
import { CurrentActor } from '../../shell/current-actor.decorator';
import { IdParam } from '../../shell/uuid-param';
import { CreatePlanRoundDto, PlanRoundDto, PlanRoundSummaryDto, RoundEventDto, RoundHistoryEntryDto, RoundListQueryDto, RoundReminderDto, UpdatePlanRoundDto } from './dto/plan-round.dto';
import { etagOf, versionFromIfMatch } from './if-match';
import { ApiAnswer, ApiErrors, ETAG_HEADER } from '../../shell/api-contract';

const IF_MATCH = { name: 'If-Match', required: false, description: 'the version read (the ETag); a stale one is refused with 409 VERSION_CONFLICT' };

/** Plan rounds: strategists create and steer them; participants (and admins) read them. */
@ApiTags('rounds')
@Controller('api/v1/rounds')
export class RoundsController {
  constructor(
    private readonly rounds: PlanRoundQueryService,
    private readonly commands: PlanRoundCommandService,
    private readonly steps: PlanRoundStepService,
    private readonly reminders: RoundReminderService,
  ) {}

  private withEtag(reply: FastifyReply, round: PlanRoundView): PlanRoundView {
    void reply.header('etag', etagOf(round.version));
    return round;
  }

  @Post()
  @ApiAnswer(201, PlanRoundDto, { headers: ETAG_HEADER })
  @ApiErrors(409, 422)
  @Allow(strategist())
  @ApiOperation({ summary: 'Create a plan round (preparing); participants default to every active department, areas to the five of the plan' })
  async create(@CurrentActor() actor: Actor, @Body() dto: CreatePlanRoundDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<PlanRoundDto> {
    return this.withEtag(reply, await this.commands.create(actor, dto));
  }

  @Get()
  @ApiAnswer(200, [PlanRoundSummaryDto])
  @Allow(signedIn())
  @ApiOperation({ summary: 'The rounds the caller may read (strategists and admins: all; others: the rounds their departments or committees take part in)' })
  list(@CurrentPrincipal() principal: Principal, @Query() query: RoundListQueryDto): Promise<PlanRoundSummaryDto[]> {
    return this.rounds.list(roundReadScope(principal), query);
  }

  @Get(':id')
  @ApiAnswer(200, PlanRoundDto, { headers: ETAG_HEADER })
  @ApiErrors(404)
  @Allow(strategist(), admin(), participantOfRound(fromParam('id')))
  @ApiOperation({ summary: 'A round: state, deadlines, participants and the steps possible now, with the reasons when not (version also as ETag)' })
  async get(@IdParam('id', 'Planomgången') id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<PlanRoundDto> {
    return this.withEtag(reply, await this.rounds.view(id));
  }

  @Patch(':id')
  @ApiAnswer(200, PlanRoundDto, { headers: ETAG_HEADER })
  @ApiErrors(404, 409, 422)
  @Allow(strategist())
  @ApiHeader(IF_MATCH)
  @ApiOperation({ summary: 'Change title, case number, deadlines or auto-close (until the round ends); participants and areas before launch' })
  async update(
    @CurrentActor() actor: Actor,
    @IdParam('id', 'Planomgången') id: string,
    @Body() dto: UpdatePlanRoundDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PlanRoundDto> {
    return this.withEtag(reply, await this.commands.update(actor, id, dto, versionFromIfMatch(ifMatch)));
  }

  @Get(':id/history')
  @ApiAnswer(200, [RoundHistoryEntryDto])
  @ApiErrors(404)
  @Allow(strategist(), admin(), participantOfRound(fromParam('id')))
  @ApiOperation({ summary: "The round's history, oldest first: every step (forced ones with their reason), change and passed deadline" })
  async history(@IdParam('id', 'Planomgången') id: string): Promise<RoundHistoryEntryDto[]> {
    return this.rounds.historyOf(id);
  }

  @Post(':id/events')
  @ApiAnswer(200, PlanRoundDto, { headers: ETAG_HEADER })
  @ApiErrors(404, 409)
  @Allow(strategist())
  @HttpCode(200)
  @ApiHeader(IF_MATCH)
  @ApiOperation({ summary: 'Take a workflow step: 409 ILLEGAL_TRANSITION with the reasons when not possible, 409 VERSION_CONFLICT when the round changed meanwhile' })
  async event(
    @CurrentActor() actor: Actor,
    @IdParam('id', 'Planomgången') id: string,
    @Body() dto: RoundEventDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PlanRoundDto> {
    return this.withEtag(reply, await this.steps.transition(actor, id, dto, versionFromIfMatch(ifMatch)));
  }

  @Post(':id/participants/:departmentId/reminders')
  @ApiAnswer(201, RoundReminderDto)
  @ApiErrors(404, 409)
  @Allow(strategist())
  @ApiOperation({
    summary:
      "Remind one participating department now to hand in its needs: its coordinator and deputies are emailed and the round's history records it. " +
      'Once a day per department (409 REMINDER_ALREADY_SENT); 409 REMINDER_NOT_POSSIBLE when needs are not collected, the department has handed in, or it has no coordinator',
  })
  remind(
    @CurrentActor() actor: Actor,
    @IdParam('id', 'Planomgången') id: string,
    @IdParam('departmentId', 'Förvaltningen') departmentId: string,
  ): Promise<RoundReminderDto> {
    return this.reminders.remindDepartment(actor, id, departmentId);
  }
}
