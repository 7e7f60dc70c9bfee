import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor } from '@samverka/audit';
import { ConsultationService } from '@samverka/consultation';
import { admin, fromParam, participantOfRound, strategist } from '../../auth/access-rules';
import { Allow } from '../../auth/allow.decorator';
import { CurrentActor } from '../../shell/current-actor.decorator';
import { ApiAnswer, ApiErrors } from '../../shell/api-contract';
import { IdParam } from '../../shell/uuid-param';
import { ConsultationDto, PrepareConsultationDto } from './dto/consultation.dto';

/** Remiss: the strategists prepare it while the plan is drafted; whoever may read the round reads it with each recipient's status. */
@ApiTags('consultation')
@Controller('api/v1/rounds/:id/consultation')
export class ConsultationController {
  constructor(private readonly consultations: ConsultationService) {}

  @Put()
  @ApiAnswer(200, ConsultationDto)
  @ApiErrors(400, 404, 409, 422)
  @Allow(strategist())
  @ApiOperation({
    summary:
      'Prepare the remiss (again: replaces questions and recipients, each recipient gets the common reply date) while the round drafts its plan and before it is sent (409 CONSULTATION_NOT_EDITABLE); unknown version, committees, contact person or areas are 422',
  })
  prepare(@CurrentActor() actor: Actor, @IdParam('id', 'Planomgången') id: string, @Body() dto: PrepareConsultationDto): Promise<ConsultationDto> {
    return this.consultations.prepare(actor, id, dto);
  }

  @Get()
  @ApiAnswer(200, ConsultationDto)
  @ApiErrors(404)
  @Allow(strategist(), admin(), participantOfRound(fromParam('id')))
  @ApiOperation({ summary: "The remiss with every recipient's status (awaiting, responded, declined, overdue), own reply date and extensions; 404 CONSULTATION_NOT_FOUND when none is prepared" })
  get(@IdParam('id', 'Planomgången') id: string): Promise<ConsultationDto> {
    return this.consultations.get(id);
  }
}
