import { Body, Controller, Get, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
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
import { PAGE_HEADERS, pagingOf, setPageHeaders } from '../../shell/api-paging';

@ApiTags('organisation')
@Controller('api/v1/people')
export class PeopleController {
  constructor(private readonly people: PeopleService) {}

  @Get()
  @ApiAnswer(200, [PersonDto], { headers: PAGE_HEADERS })
  @Allow(admin(), strategist())
  @ApiOperation({ summary: 'People by name, by exact e-mail or by part of the name or e-mail (q), a page at a time (limit, offset; X-Total-Count and Link)' })
  async list(@Query() query: PersonQueryDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<PersonDto[]> {
    const paging = pagingOf(query);
    const page = await this.people.page({ email: query.email, q: query.q }, paging);
    setPageHeaders(reply, { total: page.total, ...paging });
    return page.items.map(toPersonDto);
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
