import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Actor } from '@samverka/audit';
import { ReferenceDataService, ReferenceItemEntity, ReferenceKind } from '@samverka/needs';
import { CommonError } from '@samverka/kernel';
import { admin, signedIn } from '../../auth/access-rules';
import { Allow } from '../../auth/allow.decorator';
import { CurrentActor } from '../../shell/current-actor.decorator';
import { CreateReferenceItemDto, ReferenceItemDto, ReferenceListQueryDto, UpdateReferenceItemDto } from './dto/needs.dto';
import { ApiAnswer, ApiErrors } from '../../shell/api-contract';

/** The list names in the path, and the kinds they hold. */
const LISTS: Record<string, ReferenceKind> = { channels: 'channel', districts: 'district', 'target-groups': 'target_group' };
const KIND_PARAM = { name: 'list', enum: Object.keys(LISTS) };

function kindOf(list: string): ReferenceKind {
  // An own key only: `valueOf` or `constructor` in the path is no list (not Object.prototype's function).
  const kind = Object.hasOwn(LISTS, list) ? LISTS[list] : undefined;
  if (!kind) throw CommonError.notFound('Referenslistan', list);
  return kind;
}

const toDto = (item: ReferenceItemEntity, withActive: boolean): ReferenceItemDto => ({ code: item.code, name: item.name, ...(withActive ? { active: item.active } : {}) });

/** Reference data for tagging needs: everyone signed in reads it, admins change it. */
@ApiTags('reference')
@Controller('api/v1/reference')
export class ReferenceController {
  constructor(private readonly reference: ReferenceDataService) {}

  @Get(':list')
  @ApiAnswer(200, [ReferenceItemDto])
  @ApiErrors(404)
  @Allow(signedIn())
  @ApiParam(KIND_PARAM)
  @ApiOperation({ summary: 'Channels, districts or target groups: [{ code, name }] in their order; ?all=true includes retired items (with active)' })
  async list(@Param('list') list: string, @Query() query: ReferenceListQueryDto): Promise<ReferenceItemDto[]> {
    const all = query.all === 'true';
    return (await this.reference.list(kindOf(list), all)).map((i) => toDto(i, all));
  }

  @Post(':list')
  @ApiAnswer(201, ReferenceItemDto)
  @ApiErrors(404, 409)
  @Allow(admin())
  @ApiParam(KIND_PARAM)
  @ApiOperation({ summary: 'Add an item (admins)' })
  async create(@CurrentActor() actor: Actor, @Param('list') list: string, @Body() dto: CreateReferenceItemDto): Promise<ReferenceItemDto> {
    return toDto(await this.reference.create(actor, kindOf(list), dto), true);
  }

  @Patch(':list/:code')
  @ApiAnswer(200, ReferenceItemDto)
  @ApiErrors(404)
  @Allow(admin())
  @ApiParam(KIND_PARAM)
  @ApiOperation({ summary: 'Rename or retire (active: false) an item (admins)' })
  async update(@CurrentActor() actor: Actor, @Param('list') list: string, @Param('code') code: string, @Body() dto: UpdateReferenceItemDto): Promise<ReferenceItemDto> {
    return toDto(await this.reference.update(actor, kindOf(list), code, dto), true);
  }
}
