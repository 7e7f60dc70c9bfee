import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor } from '@samverka/audit';
import { Principal } from '@samverka/identity';
import { SubmissionService } from '@samverka/needs';
import { roundReadScope } from '@samverka/rounds';
import { admin, fromParam, ofDepartment, participantOfRound, strategist } from '../../auth/access-rules';
import { Allow } from '../../auth/allow.decorator';
import { CurrentPrincipal } from '../../auth/request-principal';
import { CurrentActor } from '../../shell/current-actor.decorator';
import { IdParam } from '../../shell/uuid-param';
import { NothingToReportDto, ReturnSubmissionDto, SubmissionDto } from './dto/needs.dto';
import { toSubmissionDto } from './needs.mapper';
import { ApiAnswer, ApiErrors } from '../../shell/api-contract';


/** Inlämningar: the coordinator hands in (or reports nothing); management endorses or returns. */
@ApiTags('needs')
@Controller('api/v1/rounds/:id/submissions')
export class SubmissionsController {
  constructor(private readonly submissions: SubmissionService) {}

  @Get()
  @ApiAnswer(200, [SubmissionDto])
  @ApiErrors(404)
  @Allow(strategist(), admin(), participantOfRound(fromParam('id')))
  @ApiOperation({ summary: 'Every participating department (that the caller may see) with its submission status, lateness and number of needs' })
  async list(@CurrentPrincipal() principal: Principal, @IdParam('id', 'Planomgången') id: string): Promise<SubmissionDto[]> {
    return (await this.submissions.list(id, roundReadScope(principal))).map(toSubmissionDto);
  }

  @Post(':departmentId/submit')
  @ApiAnswer(200, SubmissionDto)
  @ApiErrors(404, 409)
  @Allow(ofDepartment(['coordinator'], fromParam('departmentId')))
  @HttpCode(200)
  @ApiOperation({ summary: "Hand in the department's needs (marked late after the deadline); management is asked to endorse" })
  async submit(@CurrentActor() actor: Actor, @IdParam('id', 'Planomgången') id: string, @IdParam('departmentId', 'Förvaltningen') departmentId: string): Promise<SubmissionDto> {
    return toSubmissionDto(await this.submissions.submit(actor, id, departmentId));
  }

  @Post(':departmentId/nothing-to-report')
  @ApiAnswer(200, SubmissionDto)
  @ApiErrors(404, 409)
  @Allow(ofDepartment(['coordinator'], fromParam('departmentId')))
  @HttpCode(200)
  @ApiOperation({ summary: 'Report that the department has no needs this round, with a reason' })
  async nothingToReport(
    @CurrentActor() actor: Actor,
    @IdParam('id', 'Planomgången') id: string,
    @IdParam('departmentId', 'Förvaltningen') departmentId: string,
    @Body() dto: NothingToReportDto,
  ): Promise<SubmissionDto> {
    return toSubmissionDto(await this.submissions.nothingToReport(actor, id, departmentId, dto.reason));
  }

  @Post(':departmentId/endorse')
  @ApiAnswer(200, SubmissionDto)
  @ApiErrors(404, 409)
  @Allow(ofDepartment(['management'], fromParam('departmentId')))
  @HttpCode(200)
  @ApiOperation({ summary: "Management approves (godkänner) the department's submitted needs" })
  async endorse(@CurrentActor() actor: Actor, @IdParam('id', 'Planomgången') id: string, @IdParam('departmentId', 'Förvaltningen') departmentId: string): Promise<SubmissionDto> {
    return toSubmissionDto(await this.submissions.endorse(actor, id, departmentId));
  }

  @Post(':departmentId/return')
  @ApiAnswer(200, SubmissionDto)
  @ApiErrors(404, 409)
  @Allow(ofDepartment(['management'], fromParam('departmentId')))
  @HttpCode(200)
  @ApiOperation({ summary: 'Management returns the submission with a comment; it is editable again' })
  async returnSubmission(
    @CurrentActor() actor: Actor,
    @IdParam('id', 'Planomgången') id: string,
    @IdParam('departmentId', 'Förvaltningen') departmentId: string,
    @Body() dto: ReturnSubmissionDto,
  ): Promise<SubmissionDto> {
    return toSubmissionDto(await this.submissions.returnToDepartment(actor, id, departmentId, dto.comment));
  }
}
