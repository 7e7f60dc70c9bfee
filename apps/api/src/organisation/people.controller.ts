import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Actor } from '@samverka/audit';
import { PeopleService } from '@samverka/organisation';
import { CurrentActor } from '../common/current-actor.decorator';
import { UuidParam } from '../common/uuid-param';
import { CreatePersonDto, PersonDto, PersonQueryDto } from './dto/person.dto';
import { toPersonDto } from './organisation.mapper';

@ApiTags('organisation')
@Controller('api/v1/people')
export class PeopleController {
  constructor(private readonly people: PeopleService) {}

  @Get()
  async list(@Query() query: PersonQueryDto): Promise<PersonDto[]> {
    return (await this.people.list(query)).map(toPersonDto);
  }

  @Post()
  async create(@CurrentActor() actor: Actor, @Body() dto: CreatePersonDto): Promise<PersonDto> {
    return toPersonDto(await this.people.create(actor, dto));
  }

  @Get(':id')
  async get(@Param('id', UuidParam('Personen')) id: string): Promise<PersonDto> {
    return toPersonDto(await this.people.get(id));
  }
}
