import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import {
  EVIDENCE_KINDS,
  type EvidenceKind,
  NEED_LIST_PAGE,
  NEED_MAX,
  NEED_PRIORITIES,
  needViolations,
  type NeedPriority,
  REFERENCE_MAX,
  referenceItemViolations,
  SUBMISSION_STATUSES,
  SUBMISSION_TEXT_MAX,
  type SubmissionStatus,
} from '@samverka/needs';
import { IsLocalDate } from '../../../shell/is-local-date';
import { Trim } from '../../../shell/trim';
import { CheckedBy, MultiLine } from '../../../shell/validation';

export class EvidenceDto {
  @ApiProperty({ enum: EVIDENCE_KINDS })
  @IsIn(EVIDENCE_KINDS)
  kind!: EvidenceKind;

  @ApiProperty({ example: 'Besöksstatistik, Malmö stadsbibliotek 2025', maxLength: NEED_MAX.evidenceSource })
  @Trim() @IsString()
  source!: string;

  @ApiPropertyOptional({ type: String, format: 'date', example: '2026-01-15', nullable: true, description: 'not in the future' })
  @IsOptional() @IsLocalDate()
  date?: string | null;
}

/** Shape only: the rules of a need are needViolations (libs/needs), checked by NeedService. */
@CheckedBy(needViolations)
export class CreateNeedDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  departmentId!: string;

  @ApiProperty({ example: 'LOKAL_SERVICE', description: "one of the round's areas", maxLength: NEED_MAX.areaCode })
  @Trim() @IsString()
  areaCode!: string;

  @ApiProperty({ example: 'Vägledning i kommunala ärenden på biblioteken', maxLength: NEED_MAX.title })
  @Trim() @IsString()
  title!: string;

  @ApiProperty({ maxLength: NEED_MAX.description })
  @Trim() @IsString() @MultiLine()
  description!: string;

  @ApiProperty({ type: [String], example: ['library'], maxItems: NEED_MAX.codes, description: 'codes from GET /api/v1/reference/channels; at least one' })
  @IsArray() @IsString({ each: true })
  channels!: string[];

  @ApiProperty({ type: [String], example: ['norr'], maxItems: NEED_MAX.codes, description: 'codes from GET /api/v1/reference/districts' })
  @IsArray() @IsString({ each: true })
  districts!: string[];

  @ApiProperty({ type: [String], example: ['newcomers'], maxItems: NEED_MAX.codes, description: 'codes from GET /api/v1/reference/target-groups' })
  @IsArray() @IsString({ each: true })
  targetGroups!: string[];

  @ApiPropertyOptional({ type: EvidenceDto, nullable: true })
  @IsOptional() @ValidateNested() @Type(() => EvidenceDto)
  evidence?: EvidenceDto | null;

  @ApiPropertyOptional({ type: 'integer', example: 400, nullable: true, minimum: 0, maximum: NEED_MAX.monthlyVolume, description: 'estimated errands per month' })
  @IsOptional() @IsInt()
  monthlyVolume?: number | null;

  @ApiProperty({ enum: NEED_PRIORITIES })
  @IsIn(NEED_PRIORITIES)
  priority!: NeedPriority;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: NEED_MAX.consequence, description: 'what happens if the need is not met' })
  @IsOptional() @Trim() @IsString() @MultiLine()
  consequence?: string | null;
}

/** Shape only, as CreateNeedDto; NeedService checks the need as changed. */
@CheckedBy(needViolations)
export class UpdateNeedDto {
  @ApiPropertyOptional({ maxLength: NEED_MAX.areaCode }) @IsOptional() @Trim() @IsString() areaCode?: string;
  @ApiPropertyOptional({ maxLength: NEED_MAX.title }) @IsOptional() @Trim() @IsString() title?: string;
  @ApiPropertyOptional({ maxLength: NEED_MAX.description }) @IsOptional() @Trim() @IsString() @MultiLine() description?: string;
  @ApiPropertyOptional({ type: [String], example: ['library'], maxItems: NEED_MAX.codes }) @IsOptional() @IsArray() @IsString({ each: true }) channels?: string[];
  @ApiPropertyOptional({ type: [String], maxItems: NEED_MAX.codes }) @IsOptional() @IsArray() @IsString({ each: true }) districts?: string[];
  @ApiPropertyOptional({ type: [String], maxItems: NEED_MAX.codes }) @IsOptional() @IsArray() @IsString({ each: true }) targetGroups?: string[];
  @ApiPropertyOptional({ type: EvidenceDto, nullable: true }) @IsOptional() @ValidateNested() @Type(() => EvidenceDto) evidence?: EvidenceDto | null;
  @ApiPropertyOptional({ type: 'integer', nullable: true, minimum: 0, maximum: NEED_MAX.monthlyVolume }) @IsOptional() @IsInt() monthlyVolume?: number | null;
  @ApiPropertyOptional({ enum: NEED_PRIORITIES }) @IsOptional() @IsIn(NEED_PRIORITIES) priority?: NeedPriority;
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: NEED_MAX.consequence }) @IsOptional() @Trim() @IsString() @MultiLine() consequence?: string | null;
}

export class NeedListQueryDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() departmentId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(NEED_MAX.areaCode) areaCode?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(REFERENCE_MAX.code) channel?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(REFERENCE_MAX.code) district?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(REFERENCE_MAX.code) targetGroup?: string;
  @ApiPropertyOptional({ enum: SUBMISSION_STATUSES, description: "the department's submission status" })
  @IsOptional() @IsIn(SUBMISSION_STATUSES)
  status?: SubmissionStatus;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: NEED_LIST_PAGE.maxLimit, default: NEED_LIST_PAGE.defaultLimit, description: 'at most this many needs (a page)' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(NEED_LIST_PAGE.maxLimit)
  limit?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: NEED_LIST_PAGE.maxOffset, default: 0, description: 'skip this many first (in the order department, title)' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(NEED_LIST_PAGE.maxOffset)
  offset?: number;
}

export class NeedDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) roundId!: string;
  @ApiProperty({ format: 'uuid' }) departmentId!: string;
  @ApiPropertyOptional() departmentName?: string;
  @ApiProperty() areaCode!: string;
  @ApiProperty() title!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ type: [String] }) channels!: string[];
  @ApiProperty({ type: [String] }) districts!: string[];
  @ApiProperty({ type: [String] }) targetGroups!: string[];
  @ApiProperty({ type: EvidenceDto, nullable: true }) evidence!: EvidenceDto | null;
  @ApiProperty({ type: 'integer', minimum: 0, maximum: NEED_MAX.monthlyVolume, nullable: true }) monthlyVolume!: number | null;
  @ApiProperty({ enum: NEED_PRIORITIES }) priority!: string;
  @ApiProperty({ type: String, nullable: true }) consequence!: string | null;
  @ApiPropertyOptional({ enum: SUBMISSION_STATUSES }) submissionStatus?: string;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;
}

export class NothingToReportDto {
  @ApiProperty({ example: 'Förvaltningen har inga nya behov i år', maxLength: SUBMISSION_TEXT_MAX })
  @Trim() @IsString() @MultiLine()
  reason!: string;
}

export class ReturnSubmissionDto {
  @ApiProperty({ example: 'Komplettera med underlag för behov 2', maxLength: SUBMISSION_TEXT_MAX })
  @Trim() @IsString() @MultiLine()
  comment!: string;
}

export class SubmissionDto {
  @ApiProperty({ format: 'uuid' }) departmentId!: string;
  @ApiProperty() departmentName!: string;
  @ApiProperty({ enum: SUBMISSION_STATUSES }) status!: string;
  @ApiProperty({ type: 'integer', minimum: 0 }) needCount!: number;
  @ApiProperty() late!: boolean;
  @ApiProperty({ type: Date, nullable: true }) submittedAt!: Date | null;
  @ApiProperty({ type: Date, nullable: true }) endorsedAt!: Date | null;
  @ApiProperty({ type: Date, nullable: true }) returnedAt!: Date | null;
  @ApiProperty({ type: String, nullable: true }) returnComment!: string | null;
  @ApiProperty({ type: String, nullable: true }) nothingToReportReason!: string | null;
}

export class ReferenceItemDto {
  @ApiProperty({ example: 'library' }) code!: string;
  @ApiProperty({ example: 'Bibliotek' }) name!: string;
  @ApiPropertyOptional({ description: 'only in the admin listing (?all=true)' }) active?: boolean;
}

/** Shape only: the rules of a reference item are referenceItemViolations (libs/needs), checked by ReferenceDataService. */
@CheckedBy((item: { code?: string; name?: string }) => referenceItemViolations(item))
export class CreateReferenceItemDto {
  @ApiProperty({ example: 'hyllie', maxLength: REFERENCE_MAX.code, description: 'a–z, 0–9 and _, starting with a letter (2–40)' })
  @Trim() @IsString()
  code!: string;

  @ApiProperty({ example: 'Hyllie', maxLength: REFERENCE_MAX.name })
  @Trim() @IsString()
  name!: string;
}

@CheckedBy((item: { name?: string }) => referenceItemViolations(item))
export class UpdateReferenceItemDto {
  @ApiPropertyOptional({ maxLength: REFERENCE_MAX.name }) @IsOptional() @Trim() @IsString() name?: string;
  @ApiPropertyOptional({ description: 'false retires the item: it stays on existing needs, cannot be chosen for new ones' })
  @IsOptional() @IsBoolean()
  active?: boolean;
}

export class ReferenceListQueryDto {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true: retired items too (admins)' })
  @IsOptional() @IsIn(['true', 'false'])
  all?: 'true' | 'false';
}
