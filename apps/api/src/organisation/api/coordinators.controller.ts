import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor } from '@samverka/audit';
import { CoordinatorAssignmentEntity, CoordinatorService } from '@samverka/organisation';
import { CurrentActor } from '../../shell/current-actor.decorator';
import { IdParam } from '../../shell/uuid-param';
import { AppointCoordinatorDto, CoordinatorAssignmentDto, CoordinatorListQueryDto, CoverageDto, EndAssignmentDto } from './dto/coordinator.dto';
import { toAssignmentDto, toCoverageDto } from './organisation.mapper';
import { admin, fromParam, ofDepartment, personOfAssignment, self, strategist } from '../../auth/access-rules';
import { Allow } from '../../auth/allow.decorator';
import { ApiAnswer, ApiErrors } from '../../shell/api-contract';
import { PageQueryDto, pagingOf } from '../../shell/api-paging';

@ApiTags('coordinators')
@Controller('api/v1')
export class CoordinatorsController {
  constructor(private readonly coordinators: CoordinatorService) {}

  private dto = (a: CoordinatorAssignmentEntity) => toAssignmentDto(a, this.coordinators.statusOf(a));

  @Get('departments/:id/coordinators')
  @ApiAnswer(200, [CoordinatorAssignmentDto])
  @ApiErrors(404)
  @Allow(admin(), strategist(), ofDepartment(['coordinator', 'management'], fromParam('id')))
  @ApiOperation({ summary: "A department's current and scheduled coordinators; ?history=true for every assignment ever made" })
  async list(@IdParam('id', 'Förvaltningen') id: string, @Query() query: CoordinatorListQueryDto): Promise<CoordinatorAssignmentDto[]> {
    return (await this.coordinators.listForDepartment(id, query.history === 'true')).map(this.dto);
  }

  @Post('departments/:id/coordinators')
  @ApiAnswer(201, CoordinatorAssignmentDto)
  @ApiErrors(404, 409, 422)
  @Allow(admin())
  @ApiOperation({ summary: 'Appoint a coordinator (primary) or deputy; a new primary ends the previous one the day before' })
  async appoint(@CurrentActor() actor: Actor, @IdParam('id', 'Förvaltningen') id: string, @Body() dto: AppointCoordinatorDto): Promise<CoordinatorAssignmentDto> {
    return this.dto(await this.coordinators.appoint(actor, id, dto));
  }

  @Post('coordinator-assignments/:id/acknowledge')
  @ApiAnswer(200, CoordinatorAssignmentDto)
  @ApiErrors(404, 409)
  @Allow(self(personOfAssignment('id')))
  @HttpCode(200)
  @ApiOperation({ summary: 'The appointed person acknowledges the assignment (idempotent)' })
  async acknowledge(@CurrentActor() actor: Actor, @IdParam('id', 'Uppdraget') id: string): Promise<CoordinatorAssignmentDto> {
    return this.dto(await this.coordinators.acknowledge(actor, id));
  }

  @Post('coordinator-assignments/:id/end')
  @ApiAnswer(200, CoordinatorAssignmentDto)
  @ApiErrors(404, 409)
  @Allow(admin())
  @HttpCode(200)
  @ApiOperation({ summary: 'End an assignment on a given last day (default today)' })
  async end(@CurrentActor() actor: Actor, @IdParam('id', 'Uppdraget') id: string, @Body() dto: EndAssignmentDto): Promise<CoordinatorAssignmentDto> {
    return this.dto(await this.coordinators.end(actor, id, dto));
  }

  @Get('coordinator-coverage')
  @ApiAnswer(200, CoverageDto)
  @Allow(admin(), strategist())
  @ApiOperation({
    summary:
      'Active departments without a primary today, unacknowledged assignments, assignments ending within 30 days: each section one page (limit, offset alike for the three), with its total in totals',
  })
  async coverage(@Query() query: PageQueryDto): Promise<CoverageDto> {
    return toCoverageDto(await this.coordinators.coverage(pagingOf(query)), (a) => this.coordinators.statusOf(a));
  }
}
