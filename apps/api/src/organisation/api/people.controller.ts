import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor } from '@samverka/audit';
import { PeopleService } from '@samverka/organisation';
import { CurrentActor } from '../../shell/current-actor.decorator';
import { IdParam } from '../../shell/uuid-param';
import { CreatePersonDto, PersonDto, PersonQueryDto } from './dto/person.dto';
import { toPersonDto } from './organisation.mapper';
import { admin, strategist } from '../../auth/access-rules';
import { Allow } from '../../auth/allow.decorator';
import { ApiAnswer, ApiErrors } from '../../shell/api-contract';

@ApiTags('organisation')
@Controller('api/v1/people')
export class PeopleController {
  constructor(private readonly people: PeopleService) {}

  @Get()
  @ApiAnswer(200, [PersonDto])
  @Allow(admin(), strategist())
  @ApiOperation({ summary: 'People, by exact e-mail or by part of the name or e-mail (q)' })
  async list(@Query() query: PersonQueryDto): Promise<PersonDto[]> {
    return (await this.people.list(query)).map(toPersonDto);
  }

  @Post()
  @ApiAnswer(201, PersonDto)
  @ApiErrors(409)
  @Allow(admin())
  @ApiOperation({ summary: 'Register a person (409 DUPLICATE when the e-mail is taken)' })
  async create(@CurrentActor() actor: Actor, @Body() dto: CreatePersonDto): Promise<PersonDto> {
    return toPersonDto(await this.people.create(actor, dto));
  }

  @Get(':id')
  @ApiAnswer(200, PersonDto)
  @ApiErrors(404)
  @Allow(admin(), strategist())
  @ApiOperation({ summary: 'A person' })
  async get(@IdParam('id', 'Personen') id: string): Promise<PersonDto> {
    return toPersonDto(await this.people.get(id));
  }
}
