import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor } from '@samverka/audit';
import { OrganisationRegistryService } from '@samverka/organisation';
import { CurrentActor } from '../../shell/current-actor.decorator';
import { IdParam } from '../../shell/uuid-param';
import { CommitteeDto, CommitteeQueryDto, CreateCommitteeDto, UpdateCommitteeDto } from './dto/committee.dto';
import { toCommitteeDto } from './organisation.mapper';
import { admin, signedIn } from '../../auth/access-rules';
import { Allow } from '../../auth/allow.decorator';
import { ApiAnswer, ApiErrors } from '../../shell/api-contract';

@ApiTags('organisation')
@Controller('api/v1/committees')
export class CommitteesController {
  constructor(private readonly registry: OrganisationRegistryService) {}

  @Get()
  @ApiAnswer(200, [CommitteeDto])
  @Allow(signedIn())
  @ApiOperation({ summary: 'List committees (nämnder)' })
  async list(@Query() query: CommitteeQueryDto): Promise<CommitteeDto[]> {
    return (await this.registry.listCommittees({ code: query.code })).map(toCommitteeDto);
  }

  @Post()
  @ApiAnswer(201, CommitteeDto)
  @ApiErrors(409)
  @Allow(admin())
  @ApiOperation({ summary: 'Create a committee' })
  async create(@CurrentActor() actor: Actor, @Body() dto: CreateCommitteeDto): Promise<CommitteeDto> {
    return toCommitteeDto(await this.registry.createCommittee(actor, dto));
  }

  @Get(':id')
  @ApiAnswer(200, CommitteeDto)
  @ApiErrors(404)
  @Allow(signedIn())
  @ApiOperation({ summary: 'A committee' })
  async get(@IdParam('id', 'Nämnden') id: string): Promise<CommitteeDto> {
    return toCommitteeDto(await this.registry.getCommittee(id));
  }

  @Patch(':id')
  @ApiAnswer(200, CommitteeDto)
  @ApiErrors(404, 409)
  @Allow(admin())
  @ApiOperation({ summary: 'Rename or (de)activate a committee' })
  async update(@CurrentActor() actor: Actor, @IdParam('id', 'Nämnden') id: string, @Body() dto: UpdateCommitteeDto): Promise<CommitteeDto> {
    return toCommitteeDto(await this.registry.updateCommittee(actor, id, dto));
  }

  @Delete(':id')
  @ApiAnswer(204)
  @ApiErrors(404, 409)
  @Allow(admin())
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a committee nothing refers to (otherwise 409: deactivate it instead)' })
  async delete(@CurrentActor() actor: Actor, @IdParam('id', 'Nämnden') id: string): Promise<void> {
    await this.registry.deleteCommittee(actor, id);
  }
}
