import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor } from '@samverka/audit';
import { ConsultationExtensionService } from '@samverka/consultation';
import { fromParam, secretaryOf, strategist } from '../../auth/access-rules';
import { Allow } from '../../auth/allow.decorator';
import { CurrentActor } from '../../shell/current-actor.decorator';
import { ApiAnswer, ApiErrors } from '../../shell/api-contract';
import { IdParam } from '../../shell/uuid-param';
import { ApproveExtensionDto, ConsultationRecipientDto, CreatedExtensionDto, DeclineExtensionDto, RequestExtensionDto } from './dto/consultation.dto';

/** Anstånd: a recipient committee asks for a later reply date; a strategist approves or declines it. */
@ApiTags('consultation')
@Controller('api/v1/rounds/:id/consultation/recipients/:committeeId/extensions')
export class ConsultationExtensionsController {
  constructor(private readonly extensions: ConsultationExtensionService) {}

  @Post()
  @ApiAnswer(201, CreatedExtensionDto)
  @ApiErrors(400, 404, 409)
  @Allow(strategist(), secretaryOf(fromParam('committeeId')))
  @ApiOperation({
    summary:
      "Ask for a later reply date with a reason (the committee's secretaries, or a strategist) while the round is in consultation and the committee has not responded; one open request at a time (409); the strategists are emailed",
  })
  request(@CurrentActor() actor: Actor, @IdParam('id', 'Planomgången') id: string, @IdParam('committeeId', 'Nämnden') committeeId: string, @Body() dto: RequestExtensionDto): Promise<CreatedExtensionDto> {
    return this.extensions.request(actor, id, committeeId, dto);
  }

  @Post(':extensionId/approve')
  @ApiAnswer(200, ConsultationRecipientDto)
  @ApiErrors(400, 404, 409)
  @Allow(strategist())
  @HttpCode(200)
  @ApiOperation({ summary: "Approve the request: the recipient's reply date (and so its reminders) moves to replyBy or the date asked for; deciding twice is 409; the committee's secretaries are emailed" })
  approve(
    @CurrentActor() actor: Actor,
    @IdParam('id', 'Planomgången') id: string,
    @IdParam('committeeId', 'Nämnden') committeeId: string,
    @IdParam('extensionId', 'Begäran om anstånd') extensionId: string,
    @Body() dto: ApproveExtensionDto,
  ): Promise<ConsultationRecipientDto> {
    return this.extensions.approve(actor, id, committeeId, extensionId, dto);
  }

  @Post(':extensionId/decline')
  @ApiAnswer(200, ConsultationRecipientDto)
  @ApiErrors(400, 404, 409)
  @Allow(strategist())
  @HttpCode(200)
  @ApiOperation({ summary: "Decline the request with a reason; the reply date stays; deciding twice is 409; the committee's secretaries are emailed" })
  decline(
    @CurrentActor() actor: Actor,
    @IdParam('id', 'Planomgången') id: string,
    @IdParam('committeeId', 'Nämnden') committeeId: string,
    @IdParam('extensionId', 'Begäran om anstånd') extensionId: string,
    @Body() dto: DeclineExtensionDto,
  ): Promise<ConsultationRecipientDto> {
    return this.extensions.decline(actor, id, committeeId, extensionId, dto);
  }
}
