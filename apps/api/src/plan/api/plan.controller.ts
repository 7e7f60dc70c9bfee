import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor } from '@samverka/audit';
import { PlanDiff, PlanDocument, PlanDraftService, PlanDraftView, PlanItem, PlanQueryService, PlanVersionSummary } from '@samverka/plan';
import { admin, fromParam, participantOfRound, strategist } from '../../auth/access-rules';
import { Allow } from '../../auth/allow.decorator';
import { ApiAnswer, ApiErrors } from '../../shell/api-contract';
import { CurrentActor } from '../../shell/current-actor.decorator';
import { IdParam } from '../../shell/uuid-param';
import {
  CreatedPlanItemDto,
  CreatePlanItemDto,
  FrozenVersionDto,
  PlanDiffDto,
  PlanDocumentDto,
  PlanDraftViewDto,
  PlanItemDto,
  PlanVersionSummaryDto,
  SetResponsibilitiesDto,
  StartPlanDto,
  UpdatePlanItemDto,
  UpdatePlanTextsDto,
} from './dto/plan.dto';
import { VersionParam } from './version-param';

const ROUND = 'Planomgången';
const ITEM = 'Insatsen';

/**
 * Utvecklingsplanen: strategists edit the draft (texts, items, responsibilities) while the round
 * drafts its plan, and freeze it into versions; strategists and admins read the draft; whoever may
 * read the round reads the frozen versions and what changed between them.
 */
@ApiTags('plan')
@Controller('api/v1/rounds/:id/plan')
export class PlanController {
  constructor(
    private readonly drafts: PlanDraftService,
    private readonly plans: PlanQueryService,
  ) {}

  @Get()
  @ApiAnswer(200, PlanDraftViewDto)
  @ApiErrors(404)
  @Allow(strategist(), admin())
  @ApiOperation({ summary: "The plan's draft with its areas, items and responsibilities, and where it stands (an empty draft while none is started)" })
  draft(@IdParam('id', ROUND) id: string): Promise<PlanDraftView> {
    return this.plans.draft(id);
  }

  @Post()
  @ApiAnswer(201, PlanDraftViewDto)
  @ApiErrors(404, 409)
  @Allow(strategist())
  @ApiOperation({ summary: "Start the plan: empty, or from the previous round's adopted plan (409 PLAN_EXISTS, PLAN_NO_PREVIOUS, PLAN_NOT_EDITABLE)" })
  async start(@CurrentActor() actor: Actor, @IdParam('id', ROUND) id: string, @Body() dto: StartPlanDto): Promise<PlanDraftView> {
    await this.drafts.start(actor, id, dto);
    return this.plans.draft(id);
  }

  @Patch()
  @ApiAnswer(200, PlanDraftViewDto)
  @ApiErrors(404, 409, 422)
  @Allow(strategist())
  @ApiOperation({ summary: "Change the plan-level texts (introduction, the contact centre's mandate, the departments' own responsibility) and the areas' introductions" })
  async updateTexts(@CurrentActor() actor: Actor, @IdParam('id', ROUND) id: string, @Body() dto: UpdatePlanTextsDto): Promise<PlanDraftView> {
    await this.drafts.updateTexts(actor, id, dto);
    return this.plans.draft(id);
  }

  @Post('items')
  @ApiAnswer(201, CreatedPlanItemDto)
  @ApiErrors(404, 409, 422)
  @Allow(strategist())
  @ApiOperation({ summary: 'Add an item (insats) to an area; its code is generated from the area when absent (409 PLAN_ITEM_CODE_TAKEN)' })
  createItem(@CurrentActor() actor: Actor, @IdParam('id', ROUND) id: string, @Body() dto: CreatePlanItemDto): Promise<CreatedPlanItemDto> {
    return this.drafts.createItem(actor, id, dto);
  }

  @Patch('items/:itemId')
  @ApiAnswer(200, PlanItemDto)
  @ApiErrors(404, 409, 422)
  @Allow(strategist())
  @ApiOperation({ summary: "Change an item's fields; needIds replaces the needs it answers" })
  updateItem(@CurrentActor() actor: Actor, @IdParam('id', ROUND) id: string, @IdParam('itemId', ITEM) itemId: string, @Body() dto: UpdatePlanItemDto): Promise<PlanItem> {
    return this.drafts.updateItem(actor, id, itemId, dto);
  }

  @Delete('items/:itemId')
  @ApiAnswer(204)
  @ApiErrors(404, 409)
  @Allow(strategist())
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove an item from the draft (its code is not used again in this plan)' })
  async deleteItem(@CurrentActor() actor: Actor, @IdParam('id', ROUND) id: string, @IdParam('itemId', ITEM) itemId: string): Promise<void> {
    await this.drafts.deleteItem(actor, id, itemId);
  }

  @Put('items/:itemId/responsibilities')
  @ApiAnswer(200, PlanItemDto)
  @ApiErrors(404, 409, 422)
  @Allow(strategist())
  @ApiOperation({ summary: "Replace the item's responsibilities (RACI per organisation; exactly one accountable, a second is 409 PLAN_SECOND_ACCOUNTABLE)" })
  setResponsibilities(@CurrentActor() actor: Actor, @IdParam('id', ROUND) id: string, @IdParam('itemId', ITEM) itemId: string, @Body() dto: SetResponsibilitiesDto): Promise<PlanItem> {
    return this.drafts.setResponsibilities(actor, id, itemId, dto);
  }

  @Post('freeze')
  @ApiAnswer(201, FrozenVersionDto)
  @ApiErrors(404, 409)
  @Allow(strategist())
  @HttpCode(201)
  @ApiOperation({ summary: 'Freeze the draft into the next immutable version (409 PLAN_UNCHANGED when nothing changed since the last)' })
  freeze(@CurrentActor() actor: Actor, @IdParam('id', ROUND) id: string): Promise<{ version: number }> {
    return this.drafts.freeze(actor, id);
  }

  @Get('versions')
  @ApiAnswer(200, [PlanVersionSummaryDto])
  @ApiErrors(404)
  @Allow(strategist(), admin(), participantOfRound(fromParam('id')))
  @ApiOperation({ summary: "The plan's frozen versions, oldest first" })
  versions(@IdParam('id', ROUND) id: string): Promise<PlanVersionSummary[]> {
    return this.plans.versions(id);
  }

  @Get('versions/:n')
  @ApiAnswer(200, PlanDocumentDto)
  @ApiErrors(404)
  @Allow(strategist(), admin(), participantOfRound(fromParam('id')))
  @ApiOperation({ summary: 'One frozen version of the plan, as it stood' })
  version(@IdParam('id', ROUND) id: string, @VersionParam('n') n: number): Promise<PlanDocument> {
    return this.plans.version(id, n);
  }

  @Get('versions/:a/diff/:b')
  @ApiAnswer(200, PlanDiffDto)
  @ApiErrors(404)
  @Allow(strategist(), admin(), participantOfRound(fromParam('id')))
  @ApiOperation({ summary: 'What changed from version a to version b: items added, removed and changed field by field (word-level), responsibilities per organisation, texts' })
  diff(@IdParam('id', ROUND) id: string, @VersionParam('a') a: number, @VersionParam('b') b: number): Promise<PlanDiff> {
    return this.plans.diff(id, a, b);
  }
}
