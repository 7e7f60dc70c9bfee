import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsNumber, IsOptional, IsString, IsUUID, ValidateNested } from 'class-validator';
import {
  createPlanItemViolations,
  PLAN_ITEM_DIFF_FIELDS,
  PLAN_ITEM_STATUSES,
  PLAN_LIMITS,
  PLAN_START_FROM,
  planTextsViolations,
  RESPONSIBILITY_ROLES,
  responsibilitiesViolations,
  type PlanItemDiffField,
  type PlanItemStatus,
  type PlanStartFrom,
  type ResponsibilityRole,
} from '@samverka/plan';
import { PLAN_ROUND_STATES, type PlanRoundState } from '@samverka/workflow';
import { Trim } from '../../../shell/trim';
import { CheckedBy, MultiLine } from '../../../shell/validation';

const TERM = 'a date (2027-03-01), a year (2027), a term (2027 T1–T3) or a quarter (2027 Q1–Q4)';

// ---- requests ---------------------------------------------------------------------------------

export class StartPlanDto {
  @ApiProperty({ enum: PLAN_START_FROM, description: "empty, or from the previous round's adopted plan (its items carried over with their responsibilities)" })
  @IsIn(PLAN_START_FROM)
  startFrom!: PlanStartFrom;
}

export class AreaIntroductionDto {
  @ApiProperty({ example: 'LOKAL_SERVICE', maxLength: PLAN_LIMITS.areaCode }) @Trim() @IsString() areaCode!: string;
  @ApiProperty({ maxLength: PLAN_LIMITS.text }) @Trim() @IsString() @MultiLine() introduction!: string;
}

/** Shape only: the rules are planTextsViolations (libs/plan). */
@CheckedBy(planTextsViolations)
export class UpdatePlanTextsDto {
  @ApiPropertyOptional({ maxLength: PLAN_LIMITS.text, description: 'Inledning' }) @IsOptional() @Trim() @IsString() @MultiLine() introduction?: string;
  @ApiPropertyOptional({ maxLength: PLAN_LIMITS.text, description: 'Kontaktcenters uppdrag och mandat' }) @IsOptional() @Trim() @IsString() @MultiLine() contactCentreMandate?: string;
  @ApiPropertyOptional({ maxLength: PLAN_LIMITS.text, description: 'Förvaltningarnas ansvar för de egna myndighetsprocesserna' })
  @IsOptional() @Trim() @IsString() @MultiLine()
  departmentResponsibility?: string;

  @ApiPropertyOptional({ type: [AreaIntroductionDto], description: "introductions of the round's areas, by area code" })
  @IsOptional() @IsArray() @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => AreaIntroductionDto)
  areaIntroductions?: AreaIntroductionDto[];
}

/** Shape only: the rules are createPlanItemViolations (libs/plan); the service checks the area and the needs. */
@CheckedBy(createPlanItemViolations)
export class CreatePlanItemDto {
  @ApiProperty({ example: 'LOKAL_SERVICE', description: "one of the round's areas", maxLength: PLAN_LIMITS.areaCode }) @Trim() @IsString() areaCode!: string;
  @ApiProperty({ example: 'Vägledning på biblioteken', maxLength: PLAN_LIMITS.title }) @Trim() @IsString() title!: string;
  @ApiProperty({ maxLength: PLAN_LIMITS.description }) @Trim() @IsString() @MultiLine() description!: string;

  @ApiPropertyOptional({ example: 'LS-3', maxLength: PLAN_LIMITS.code, description: "generated from the area when absent (e.g. LS-4); a code used before in this plan is refused (409)" })
  @IsOptional() @Trim() @IsString()
  code?: string;

  @ApiPropertyOptional({ type: [String], format: 'uuid', maxItems: PLAN_LIMITS.needIds, description: "handed-in needs of the round that the item answers" })
  @IsOptional() @IsArray() @IsUUID('all', { each: true })
  needIds?: string[];

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: PLAN_LIMITS.expectedEffect }) @IsOptional() @Trim() @IsString() @MultiLine() expectedEffect?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: PLAN_LIMITS.indicator }) @IsOptional() @Trim() @IsString() @MultiLine() indicator?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: '2027 T1', description: TERM }) @IsOptional() @Trim() @IsString() startsOn?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: '2027 T3', description: `${TERM}; not before the start` }) @IsOptional() @Trim() @IsString() endsOn?: string | null;
  @ApiPropertyOptional({ enum: PLAN_ITEM_STATUSES, default: 'planned' }) @IsOptional() @IsIn(PLAN_ITEM_STATUSES) status?: PlanItemStatus;
}

/** Shape only, as CreatePlanItemDto; the service checks the item as changed. */
export class UpdatePlanItemDto {
  @ApiPropertyOptional({ maxLength: PLAN_LIMITS.areaCode }) @IsOptional() @Trim() @IsString() areaCode?: string;
  @ApiPropertyOptional({ maxLength: PLAN_LIMITS.title }) @IsOptional() @Trim() @IsString() title?: string;
  @ApiPropertyOptional({ maxLength: PLAN_LIMITS.description }) @IsOptional() @Trim() @IsString() @MultiLine() description?: string;
  @ApiPropertyOptional({ maxLength: PLAN_LIMITS.code }) @IsOptional() @Trim() @IsString() code?: string;
  @ApiPropertyOptional({ type: [String], format: 'uuid', maxItems: PLAN_LIMITS.needIds, description: 'replaces the needs the item answers' })
  @IsOptional() @IsArray() @IsUUID('all', { each: true })
  needIds?: string[];
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: PLAN_LIMITS.expectedEffect }) @IsOptional() @Trim() @IsString() @MultiLine() expectedEffect?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: PLAN_LIMITS.indicator }) @IsOptional() @Trim() @IsString() @MultiLine() indicator?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: TERM }) @IsOptional() @Trim() @IsString() startsOn?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: TERM }) @IsOptional() @Trim() @IsString() endsOn?: string | null;
  @ApiPropertyOptional({ enum: PLAN_ITEM_STATUSES }) @IsOptional() @IsIn(PLAN_ITEM_STATUSES) status?: PlanItemStatus;
}

export class ResponsibilityInputDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'a department taking part in the round (exactly one of departmentId and contactCentre)' })
  @IsOptional() @IsUUID()
  departmentId?: string;

  @ApiPropertyOptional({ type: Boolean, enum: [true], description: 'the contact centre as its own organisation (exactly one of departmentId and contactCentre)' })
  @IsOptional() @IsBoolean()
  contactCentre?: true;

  @ApiProperty({ enum: RESPONSIBILITY_ROLES, description: 'RACI: responsible (R), accountable (A, exactly one per item), consulted (C), informed (I)' })
  @IsIn(RESPONSIBILITY_ROLES)
  role!: ResponsibilityRole;

  @ApiProperty({ maxLength: PLAN_LIMITS.expectations, description: 'what exactly is expected, by when (required for responsible and accountable)' })
  @Trim() @IsString() @MultiLine()
  expectations!: string;

  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 0, maximum: PLAN_LIMITS.effortHours, description: 'estimated effort, hours per year' })
  @IsOptional() @IsNumber({ allowNaN: false, allowInfinity: false })
  effortHours?: number | null;
}

/** Shape only: the rules are responsibilitiesViolations (libs/plan); a second accountable is a 409. */
@CheckedBy(responsibilitiesViolations)
export class SetResponsibilitiesDto {
  @ApiProperty({ type: [ResponsibilityInputDto], maxItems: PLAN_LIMITS.responsibilities, description: "the item's whole list (replaces the one stored)" })
  @IsArray() @ValidateNested({ each: true }) @Type(() => ResponsibilityInputDto)
  responsibilities!: ResponsibilityInputDto[];
}

// ---- answers ----------------------------------------------------------------------------------

export class PlanTextsDto {
  @ApiProperty() introduction!: string;
  @ApiProperty() contactCentreMandate!: string;
  @ApiProperty() departmentResponsibility!: string;
}

export class PlanOrganisationDto {
  @ApiProperty({ enum: ['department', 'contactCentre'] }) kind!: 'department' | 'contactCentre';
  @ApiPropertyOptional({ format: 'uuid', description: 'for a department' }) departmentId?: string;
  @ApiProperty() name!: string;
}

export class PlanResponsibilityDto {
  @ApiProperty({ type: PlanOrganisationDto }) organisation!: PlanOrganisationDto;
  @ApiProperty({ enum: RESPONSIBILITY_ROLES }) role!: ResponsibilityRole;
  @ApiProperty() expectations!: string;
  @ApiProperty({ type: Number, nullable: true, description: 'hours per year' }) effortHours!: number | null;
}

export class PlanItemNeedDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ format: 'uuid' }) departmentId!: string;
  @ApiProperty() departmentName!: string;
  @ApiProperty() areaCode!: string;
}

export class CarriedOverFromDto {
  @ApiProperty({ format: 'uuid' }) roundId!: string;
  @ApiProperty() code!: string;
}

export class PlanItemDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'LS-3' }) code!: string;
  @ApiProperty() areaCode!: string;
  @ApiProperty() title!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ type: String, nullable: true }) expectedEffect!: string | null;
  @ApiProperty({ type: String, nullable: true }) indicator!: string | null;
  @ApiProperty({ type: String, nullable: true, description: TERM }) startsOn!: string | null;
  @ApiProperty({ type: String, nullable: true, description: TERM }) endsOn!: string | null;
  @ApiProperty({ enum: PLAN_ITEM_STATUSES }) status!: PlanItemStatus;
  @ApiProperty({ type: CarriedOverFromDto, nullable: true, description: "carried over from the previous round's adopted plan" }) carriedOverFrom!: CarriedOverFromDto | null;
  @ApiProperty({ type: [PlanItemNeedDto] }) needs!: PlanItemNeedDto[];
  @ApiProperty({ type: [PlanResponsibilityDto] }) responsibilities!: PlanResponsibilityDto[];
}

export class PlanAreaDto {
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty() introduction!: string;
  @ApiProperty({ type: [PlanItemDto] }) items!: PlanItemDto[];
}

export class PlanNeedDeferralDto {
  @ApiProperty({ format: 'uuid' }) needId!: string;
  @ApiProperty() reason!: string;
}

export class PlanDocumentDto {
  @ApiProperty({ format: 'uuid' }) roundId!: string;
  @ApiProperty({ type: 'integer', nullable: true, description: 'null for the draft' }) version!: number | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) frozenAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) frozenBy!: string | null;
  @ApiProperty({ type: PlanTextsDto }) texts!: PlanTextsDto;
  @ApiProperty({ type: [PlanAreaDto] }) areas!: PlanAreaDto[];
  @ApiProperty({ type: [PlanNeedDeferralDto] }) deferrals!: PlanNeedDeferralDto[];
}

export class PlanDraftStateDto {
  @ApiProperty({ description: 'false: the round drafts its plan but none is started yet (an empty draft)' }) started!: boolean;
  @ApiProperty({ type: 'integer', description: 'the last frozen version (0: none)' }) latestVersion!: number;
  @ApiProperty({ description: 'the draft has changes not frozen in a version' }) draftChanged!: boolean;
  @ApiProperty({ description: 'the round drafts its plan, so strategists may edit it' }) editable!: boolean;
  @ApiProperty({ enum: PLAN_ROUND_STATES }) roundState!: PlanRoundState;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) startedFromRoundId!: string | null;
}

export class PlanDraftViewDto {
  @ApiProperty({ type: PlanDocumentDto }) document!: PlanDocumentDto;
  @ApiProperty({ type: PlanDraftStateDto }) state!: PlanDraftStateDto;
  @ApiProperty({ description: "an earlier round's adopted plan exists to start from (asked only while the plan is not started)" }) previousPlanAvailable!: boolean;
}

export class CreatedPlanItemDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'LS-4' }) code!: string;
}

export class FrozenVersionDto {
  @ApiProperty({ type: 'integer', example: 1 }) version!: number;
}

export class PlanVersionSummaryDto {
  @ApiProperty({ type: 'integer' }) version!: number;
  @ApiProperty({ format: 'date-time' }) frozenAt!: string;
  @ApiProperty({ type: String, nullable: true }) frozenBy!: string | null;
  @ApiProperty({ type: 'integer' }) itemCount!: number;
}

export class WordChangeDto {
  @ApiProperty() value!: string;
  @ApiPropertyOptional({ enum: [true] }) added?: true;
  @ApiPropertyOptional({ enum: [true] }) removed?: true;
}

export class PlanDiffItemRefDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() code!: string;
  @ApiProperty() areaCode!: string;
  @ApiProperty() title!: string;
}

export class PlanFieldChangeDto {
  @ApiProperty({ enum: PLAN_ITEM_DIFF_FIELDS }) field!: PlanItemDiffField;
  @ApiProperty({ type: String, nullable: true }) before!: string | null;
  @ApiProperty({ type: String, nullable: true }) after!: string | null;
  @ApiPropertyOptional({ type: [WordChangeDto], description: 'for texts: the word-level diff' }) words?: WordChangeDto[];
}

export class PlanItemChangeDto extends PlanDiffItemRefDto {
  @ApiProperty({ type: [PlanFieldChangeDto] }) fields!: PlanFieldChangeDto[];
  @ApiProperty({ type: [PlanItemNeedDto] }) needsAdded!: PlanItemNeedDto[];
  @ApiProperty({ type: [PlanItemNeedDto] }) needsRemoved!: PlanItemNeedDto[];
}

export class PlanResponsibilityPartDto {
  @ApiProperty({ enum: RESPONSIBILITY_ROLES }) role!: ResponsibilityRole;
  @ApiProperty() expectations!: string;
  @ApiProperty({ type: Number, nullable: true }) effortHours!: number | null;
}

export class PlanResponsibilityChangeDto {
  @ApiProperty({ format: 'uuid' }) itemId!: string;
  @ApiProperty() code!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: PlanOrganisationDto }) organisation!: PlanOrganisationDto;
  @ApiProperty({ type: PlanResponsibilityPartDto, nullable: true, description: 'null: the organisation had no part' }) before!: PlanResponsibilityPartDto | null;
  @ApiProperty({ type: PlanResponsibilityPartDto, nullable: true, description: 'null: the organisation no longer has a part' }) after!: PlanResponsibilityPartDto | null;
}

export class PlanTextChangeDto {
  @ApiProperty({ enum: ['introduction', 'contactCentreMandate', 'departmentResponsibility', 'areaIntroduction'] }) field!: string;
  @ApiPropertyOptional({ description: "for an area's introduction" }) areaCode?: string;
  @ApiProperty() before!: string;
  @ApiProperty() after!: string;
  @ApiProperty({ type: [WordChangeDto] }) words!: WordChangeDto[];
}

export class PlanDiffDto {
  @ApiProperty({ type: [PlanDiffItemRefDto] }) itemsAdded!: PlanDiffItemRefDto[];
  @ApiProperty({ type: [PlanDiffItemRefDto] }) itemsRemoved!: PlanDiffItemRefDto[];
  @ApiProperty({ type: [PlanItemChangeDto] }) itemsChanged!: PlanItemChangeDto[];
  @ApiProperty({ type: [PlanResponsibilityChangeDto] }) responsibilitiesChanged!: PlanResponsibilityChangeDto[];
  @ApiProperty({ type: [PlanTextChangeDto] }) textsChanged!: PlanTextChangeDto[];
}
