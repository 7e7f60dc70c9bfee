import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor } from '@samverka/audit';
import { Principal } from '@samverka/identity';
import { NEED_LIST_PAGE, NeedService } from '@samverka/needs';
import { roundReadScope } from '@samverka/rounds';
import { admin, departmentOfNeed, fromBody, fromParam, ofDepartment, participantOfRound, strategist } from '../../auth/access-rules';
import { Allow } from '../../auth/allow.decorator';
import { CurrentPrincipal } from '../../auth/request-principal';
import { CurrentActor } from '../../shell/current-actor.decorator';
import { IdParam } from '../../shell/uuid-param';
import { CreateNeedDto, NeedDto, NeedListQueryDto, UpdateNeedDto } from './dto/needs.dto';
import { toNeedDto } from './needs.mapper';
import { ApiAnswer, ApiErrors } from '../../shell/api-contract';


/** Behov: a department's coordinators (and deputies) write its needs; strategists, admins and the round's participants read them. */
@ApiTags('needs')
@Controller('api/v1/rounds/:id/needs')
export class NeedsController {
  constructor(private readonly needs: NeedService) {}

  @Post()
  @ApiAnswer(201, NeedDto)
  @ApiErrors(404, 409, 422)
  @Allow(ofDepartment(['coordinator'], fromBody('departmentId')))
  @ApiOperation({ summary: "Log a need for the caller's department while the round collects needs and the submission is a draft (or returned)" })
  async create(@CurrentActor() actor: Actor, @IdParam('id', 'Planomgången') id: string, @Body() dto: CreateNeedDto): Promise<NeedDto> {
    return toNeedDto(await this.needs.create(actor, id, dto));
  }

  @Get()
  @ApiAnswer(200, [NeedDto])
  @ApiErrors(404)
  @Allow(strategist(), admin(), participantOfRound(fromParam('id')))
  @ApiOperation({
    summary:
      "A round's needs (participants: their own departments' and their committee's); filters departmentId, areaCode, channel, district, targetGroup, status; " +
      `a page of at most limit (default and maximum ${NEED_LIST_PAGE.maxLimit}) from offset, in the order department, title`,
  })
  async list(@CurrentPrincipal() principal: Principal, @IdParam('id', 'Planomgången') id: string, @Query() query: NeedListQueryDto): Promise<NeedDto[]> {
    return (await this.needs.list(id, roundReadScope(principal), { ...query, limit: query.limit ?? NEED_LIST_PAGE.defaultLimit })).map(toNeedDto);
  }

  @Patch(':needId')
  @ApiAnswer(200, NeedDto)
  @ApiErrors(404, 409, 422)
  @Allow(ofDepartment(['coordinator'], departmentOfNeed('needId')))
  @ApiOperation({ summary: 'Change a need while its submission is a draft (or returned)' })
  async update(@CurrentActor() actor: Actor, @IdParam('id', 'Planomgången') id: string, @IdParam('needId', 'Behovet') needId: string, @Body() dto: UpdateNeedDto): Promise<NeedDto> {
    return toNeedDto(await this.needs.update(actor, needId, dto, id));
  }

  @Delete(':needId')
  @ApiAnswer(204)
  @ApiErrors(404, 409)
  @Allow(ofDepartment(['coordinator'], departmentOfNeed('needId')))
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a need while its submission is a draft (or returned)' })
  async remove(@CurrentActor() actor: Actor, @IdParam('id', 'Planomgången') id: string, @IdParam('needId', 'Behovet') needId: string): Promise<void> {
    await this.needs.delete(actor, needId, id);
  }
}
