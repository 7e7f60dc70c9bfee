import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor } from '@samverka/audit';
import { OrganisationRegistryService } from '@samverka/organisation';
import { CurrentActor } from '../../shell/current-actor.decorator';
import { IdParam } from '../../shell/uuid-param';
import { CreateDepartmentDto, DepartmentDto, DepartmentQueryDto, UpdateDepartmentDto } from './dto/department.dto';
import { toDepartmentDto } from './organisation.mapper';
import { admin, signedIn } from '../../auth/access-rules';
import { Allow } from '../../auth/allow.decorator';
import { ApiAnswer, ApiErrors } from '../../shell/api-contract';
import { PAGE_HEADERS, pagingOf, setPageHeaders } from '../../shell/api-paging';

@ApiTags('organisation')
@Controller('api/v1/departments')
export class DepartmentsController {
  constructor(private readonly registry: OrganisationRegistryService) {}

  @Get()
  @ApiAnswer(200, [DepartmentDto], { headers: PAGE_HEADERS })
  @Allow(signedIn())
  @ApiOperation({ summary: 'List departments (förvaltningar) by name, a page at a time (limit, offset; X-Total-Count and Link say the rest)' })
  async list(@Query() query: DepartmentQueryDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<DepartmentDto[]> {
    const active = query.active === undefined ? undefined : query.active === 'true';
    const paging = pagingOf(query);
    const page = await this.registry.pageDepartments({ code: query.code, committeeId: query.committeeId, active }, paging);
    setPageHeaders(reply, { total: page.total, ...paging });
    return page.items.map(toDepartmentDto);
  }

  @Post()
  @ApiAnswer(201, DepartmentDto)
  @ApiErrors(409, 422)
  @Allow(admin())
  @ApiOperation({ summary: 'Create a department under an active committee' })
  async create(@CurrentActor() actor: Actor, @Body() dto: CreateDepartmentDto): Promise<DepartmentDto> {
    return toDepartmentDto(await this.registry.createDepartment(actor, dto));
  }

  @Get(':id')
  @ApiAnswer(200, DepartmentDto)
  @ApiErrors(404)
  @Allow(signedIn())
  @ApiOperation({ summary: 'A department with its committee' })
  async get(@IdParam('id', 'Förvaltningen') id: string): Promise<DepartmentDto> {
    return toDepartmentDto(await this.registry.getDepartment(id));
  }

  @Patch(':id')
  @ApiAnswer(200, DepartmentDto)
  @ApiErrors(404, 409, 422)
  @Allow(admin())
  @ApiOperation({ summary: 'Rename, move to another committee, or (de)activate a department' })
  async update(@CurrentActor() actor: Actor, @IdParam('id', 'Förvaltningen') id: string, @Body() dto: UpdateDepartmentDto): Promise<DepartmentDto> {
    return toDepartmentDto(await this.registry.updateDepartment(actor, id, dto));
  }

  @Delete(':id')
  @ApiAnswer(204)
  @ApiErrors(404, 409)
  @Allow(admin())
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a department nothing refers to (otherwise 409: deactivate it instead)' })
  async delete(@CurrentActor() actor: Actor, @IdParam('id', 'Förvaltningen') id: string): Promise<void> {
    await this.registry.deleteDepartment(actor, id);
  }
}
