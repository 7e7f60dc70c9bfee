import { Body, Controller, Delete, Get, HttpCode, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor } from '@samverka/audit';
import { PlanNeedsCoverageService } from '@samverka/plan';
import { admin, strategist } from '../../auth/access-rules';
import { Allow } from '../../auth/allow.decorator';
import { CurrentActor } from '../../shell/current-actor.decorator';
import { ApiAnswer, ApiErrors } from '../../shell/api-contract';
import { PageQueryDto, pagingOf } from '../../shell/api-paging';
import { IdParam } from '../../shell/uuid-param';
import { CoveredNeedDto, DeferNeedDto, NeedsCoverageDto } from './dto/plan-questions.dto';

/** Behovstäckning: every handed-in need answered by an item, deferred with a reason, or unanswered. */
@ApiTags('plan')
@Controller('api/v1/rounds/:id/plan/needs')
export class PlanNeedsController {
  constructor(private readonly coverage: PlanNeedsCoverageService) {}

  @Get()
  @ApiAnswer(200, NeedsCoverageDto)
  @ApiErrors(404)
  @Allow(strategist(), admin())
  @ApiOperation({
    summary:
      "The needs handed in to the round: unanswered, deferred (with the reason) and answered (with the draft's items), each section one page (limit, offset alike for the three; 100 by default), with each section's size in counts",
  })
  coverageOf(@IdParam('id', 'Planomgången') id: string, @Query() query: PageQueryDto): Promise<NeedsCoverageDto> {
    return this.coverage.coverageOf(id, pagingOf(query));
  }

  @Put(':needId/deferral')
  @ApiAnswer(200, CoveredNeedDto)
  @ApiErrors(400, 404, 409, 422)
  @Allow(strategist())
  @HttpCode(200)
  @ApiOperation({ summary: 'Defer a handed-in need with a reason its department sees (or change the reason); 409 when an item answers it or the plan cannot be edited' })
  defer(@CurrentActor() actor: Actor, @IdParam('id', 'Planomgången') id: string, @IdParam('needId', 'Behovet') needId: string, @Body() dto: DeferNeedDto): Promise<CoveredNeedDto> {
    return this.coverage.defer(actor, id, needId, dto);
  }

  @Delete(':needId/deferral')
  @ApiAnswer(204)
  @ApiErrors(404, 409)
  @Allow(strategist())
  @HttpCode(204)
  @ApiOperation({ summary: "Undo a need's deferral: it is unanswered again" })
  async undefer(@CurrentActor() actor: Actor, @IdParam('id', 'Planomgången') id: string, @IdParam('needId', 'Behovet') needId: string): Promise<void> {
    await this.coverage.undefer(actor, id, needId);
  }
}
