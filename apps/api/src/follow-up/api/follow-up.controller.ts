import { Body, Controller, Get, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor } from '@samverka/audit';
import { FollowUpQueryService, FollowUpService, FollowUpView, ItemReport, RecordedReport } from '@samverka/follow-up';
import { Principal } from '@samverka/identity';
import { admin, fromBody, fromParam, ofDepartment, participantOfRound, strategist } from '../../auth/access-rules';
import { Allow } from '../../auth/allow.decorator';
import { CurrentPrincipal } from '../../auth/request-principal';
import { ApiAnswer, ApiErrors } from '../../shell/api-contract';
import { CurrentActor } from '../../shell/current-actor.decorator';
import { IdParam } from '../../shell/uuid-param';
import { FollowUpQueryDto, FollowUpViewDto, ItemReportDto, PeriodsDto, RecordedReportDto, ReportDto, SetPeriodsDto } from './dto/follow-up.dto';

const ROUND = 'Planomgången';
const ITEM = 'Insatsen';

/**
 * Uppföljning: strategists set the reporting periods; the responsible organisations report per item and
 * period (a department through its coordinators, the contact centre through strategists); whoever may
 * read the round reads the follow-up, its roll-ups and every revision of the reports.
 */
@ApiTags('follow-up')
@Controller('api/v1/rounds/:id')
export class FollowUpController {
  constructor(
    private readonly followUp: FollowUpService,
    private readonly queries: FollowUpQueryService,
  ) {}

  @Get('follow-up')
  @ApiAnswer(200, FollowUpViewDto)
  @ApiErrors(400, 404)
  @Allow(strategist(), admin(), participantOfRound(fromParam('id')))
  @ApiOperation({
    summary:
      "The round's follow-up for a period (default: the latest already due, else the first): each item with each organisation's latest status, roll-ups per area, per organisation and for the plan (weighted by estimated effort, computed in SQL; not reported items are left out and the coverage says how much effort the figure covers), what is overdue, status over periods",
  })
  view(@IdParam('id', ROUND) id: string, @Query() query: FollowUpQueryDto): Promise<FollowUpView> {
    return this.queries.view(id, query.periodId);
  }

  @Get('follow-up/periods')
  @ApiAnswer(200, PeriodsDto)
  @ApiErrors(404)
  @Allow(strategist(), admin(), participantOfRound(fromParam('id')))
  @ApiOperation({ summary: "The round's reporting periods in order" })
  async periods(@IdParam('id', ROUND) id: string): Promise<PeriodsDto> {
    return { periods: await this.followUp.periods(id) };
  }

  @Put('follow-up/periods')
  @ApiAnswer(200, PeriodsDto)
  @ApiErrors(400, 404, 409)
  @Allow(strategist())
  @ApiOperation({ summary: 'Replace the reporting periods (a listed id keeps that period and its reports; 409 PERIOD_HAS_REPORTS for leaving out one with reports, FOLLOW_UP_NOT_OPEN outside follow-up)' })
  async setPeriods(@CurrentActor() actor: Actor, @IdParam('id', ROUND) id: string, @Body() dto: SetPeriodsDto): Promise<PeriodsDto> {
    return { periods: await this.followUp.setPeriods(actor, id, dto) };
  }

  @Post('plan/items/:itemId/reports')
  @ApiAnswer(201, RecordedReportDto)
  @ApiErrors(400, 403, 404, 409, 422)
  @Allow(strategist(), ofDepartment(['coordinator'], fromBody('departmentId')))
  @ApiOperation({
    summary:
      "Report on an item for a period: a department's coordinator for the department, a strategist for the contact centre (403 REPORT_NOT_ALLOWED otherwise); sending again for the same period is a correction, stored as the next revision (422 NOT_RESPONSIBLE_FOR_ITEM, PERIOD_NOT_FOUND; 409 FOLLOW_UP_NOT_OPEN, REPORT_CONFLICT)",
  })
  report(
    @CurrentPrincipal() principal: Principal,
    @CurrentActor() actor: Actor,
    @IdParam('id', ROUND) id: string,
    @IdParam('itemId', ITEM) itemId: string,
    @Body() dto: ReportDto,
  ): Promise<RecordedReport> {
    return this.followUp.report(principal, actor, id, itemId, dto, 'api');
  }

  @Get('plan/items/:itemId/reports')
  @ApiAnswer(200, [ItemReportDto])
  @ApiErrors(404)
  @Allow(strategist(), admin(), participantOfRound(fromParam('id')))
  @ApiOperation({ summary: 'Every revision of the reports on an item, newest first (a correction never overwrites)' })
  async reports(@IdParam('id', ROUND) id: string, @IdParam('itemId', ITEM) itemId: string): Promise<ItemReport[]> {
    return (await this.queries.itemHistory(id, itemId)).reports;
  }
}
