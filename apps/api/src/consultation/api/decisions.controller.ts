import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { DecisionQueryService } from '@samverka/consultation';
import { admin, fromParam, participantOfRound, strategist } from '../../auth/access-rules';
import { Allow } from '../../auth/allow.decorator';
import { ApiAnswer, ApiErrors } from '../../shell/api-contract';
import { IdParam } from '../../shell/uuid-param';
import { PlanDecisionDto } from './dto/plan-decision.dto';

/** The executive board's decisions on a round's plan (recorded by the step RECORD_DECISION). */
@ApiTags('consultation')
@Controller('api/v1/rounds')
export class DecisionsController {
  constructor(private readonly decisions: DecisionQueryService) {}

  @Get(':id/decisions')
  @ApiAnswer(200, [PlanDecisionDto])
  @ApiErrors(404)
  @Allow(strategist(), admin(), participantOfRound(fromParam('id')))
  @ApiOperation({ summary: "The round's decisions on its plan, newest first: adopted, or returned with the reason; date, body, § and the version decided on" })
  list(@IdParam('id', 'Planomgången') id: string): Promise<PlanDecisionDto[]> {
    return this.decisions.decisionsOf(id);
  }
}
