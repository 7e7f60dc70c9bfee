import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Actor } from '@samverka/audit';
import { PeopleService } from '@samverka/organisation';
import { CurrentActor } from '../../shell/current-actor.decorator';
import { UuidParam } from '../../shell/uuid-param';
import { CreatePersonDto, PersonDto, PersonQueryDto } from './dto/person.dto';
import { toPersonDto } from './organisation.mapper';
import { admin, strategist } from '../../auth/access-rules';
import { Allow } from '../../auth/allow.decorator';

@ApiTags('organisation')
@Controller('api/v1/people')
export class PeopleController {
  constructor(private readonly people: PeopleService) {}

  @Get()
  @Allow(admin(), strategist())
  async list(@Query() query: PersonQueryDto): Promise<PersonDto[]> {
    return (await this.people.list(query)).map(toPersonDto);
  }

  @Post()
  @Allow(admin())
  async create(@CurrentActor() actor: Actor, @Body() dto: CreatePersonDto): Promise<PersonDto> {
    return toPersonDto(await this.people.create(actor, dto));
  }

  @Get(':id')
  @Allow(admin(), strategist())
  async get(@Param('id', UuidParam('Personen')) id: string): Promise<PersonDto> {
    return toPersonDto(await this.people.get(id));
  }
}
