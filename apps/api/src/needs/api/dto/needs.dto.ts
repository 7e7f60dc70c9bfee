import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { EVIDENCE_KINDS, type EvidenceKind, NEED_PRIORITIES, type NeedPriority, SUBMISSION_STATUSES, type SubmissionStatus } from '@samverka/needs';
import { IsLocalDate } from '../../../shell/is-local-date';
import { Trim } from '../../../shell/trim';

export class EvidenceDto {
  @ApiProperty({ enum: EVIDENCE_KINDS })
  @IsIn(EVIDENCE_KINDS)
  kind!: EvidenceKind;

  @ApiProperty({ example: 'Besöksstatistik, Malmö stadsbibliotek 2025' })
  @Trim() @IsString() @IsNotEmpty() @MaxLength(500)
  source!: string;

  @ApiPropertyOptional({ example: '2026-01-15', nullable: true })
  @IsOptional() @IsLocalDate()
  date?: string | null;
}


export class CreateNeedDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  departmentId!: string;

  @ApiProperty({ example: 'LOKAL_SERVICE', description: "one of the round's areas" })
  @Trim() @IsString() @IsNotEmpty() @MaxLength(40)
  areaCode!: string;

  @ApiProperty({ example: 'Vägledning i kommunala ärenden på biblioteken' })
  @Trim() @IsString() @IsNotEmpty() @MaxLength(300)
  title!: string;

  @ApiProperty()
  @Trim() @IsString() @IsNotEmpty() @MaxLength(8000)
  description!: string;

  @ApiProperty({ type: [String], example: ['library'], description: 'codes from GET /api/v1/reference/channels; at least one' })
  @IsArray() @ArrayMaxSize(30) @IsString({ each: true })
  channels!: string[];

  @ApiProperty({ type: [String], example: ['norr'], description: 'codes from GET /api/v1/reference/districts' })
  @IsArray() @ArrayMaxSize(30) @IsString({ each: true })
  districts!: string[];

  @ApiProperty({ type: [String], example: ['newcomers'], description: 'codes from GET /api/v1/reference/target-groups' })
  @IsArray() @ArrayMaxSize(30) @IsString({ each: true })
  targetGroups!: string[];

  @ApiPropertyOptional({ type: EvidenceDto, nullable: true })
  @IsOptional() @ValidateNested() @Type(() => EvidenceDto)
  evidence?: EvidenceDto | null;

  @ApiPropertyOptional({ example: 400, nullable: true, description: 'estimated errands per month' })
  @IsOptional() @IsInt() @Min(0) @Max(10_000_000)
  monthlyVolume?: number | null;

  @ApiProperty({ enum: NEED_PRIORITIES })
  @IsIn(NEED_PRIORITIES)
  priority!: NeedPriority;

  @ApiPropertyOptional({ nullable: true, description: 'what happens if the need is not met' })
  @IsOptional() @Trim() @IsString() @MaxLength(4000)
  consequence?: string | null;
}

export class UpdateNeedDto {
  @ApiPropertyOptional() @IsOptional() @Trim() @IsString() @IsNotEmpty() @MaxLength(40) areaCode?: string;
  @ApiPropertyOptional() @IsOptional() @Trim() @IsString() @IsNotEmpty() @MaxLength(300) title?: string;
  @ApiPropertyOptional() @IsOptional() @Trim() @IsString() @IsNotEmpty() @MaxLength(8000) description?: string;
  @ApiPropertyOptional({ type: [String], example: ['library'] }) @IsOptional() @IsArray() @ArrayMaxSize(30) @IsString({ each: true }) channels?: string[];
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(30) @IsString({ each: true }) districts?: string[];
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(30) @IsString({ each: true }) targetGroups?: string[];
  @ApiPropertyOptional({ type: EvidenceDto, nullable: true }) @IsOptional() @ValidateNested() @Type(() => EvidenceDto) evidence?: EvidenceDto | null;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsInt() @Min(0) @Max(10_000_000) monthlyVolume?: number | null;
  @ApiPropertyOptional({ enum: NEED_PRIORITIES }) @IsOptional() @IsIn(NEED_PRIORITIES) priority?: NeedPriority;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @Trim() @IsString() @MaxLength(4000) consequence?: string | null;
}

export class NeedListQueryDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() departmentId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(40) areaCode?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(40) channel?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(40) district?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(40) targetGroup?: string;
  @ApiPropertyOptional({ enum: SUBMISSION_STATUSES, description: "the department's submission status" })
  @IsOptional() @IsIn(SUBMISSION_STATUSES)
  status?: SubmissionStatus;
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
  @ApiProperty({ nullable: true }) monthlyVolume!: number | null;
  @ApiProperty({ enum: NEED_PRIORITIES }) priority!: string;
  @ApiProperty({ nullable: true }) consequence!: string | null;
  @ApiPropertyOptional({ enum: SUBMISSION_STATUSES }) submissionStatus?: string;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;
}

export class NothingToReportDto {
  @ApiProperty({ example: 'Förvaltningen har inga nya behov i år' })
  @Trim() @IsString() @IsNotEmpty() @MaxLength(4000)
  reason!: string;
}

export class ReturnSubmissionDto {
  @ApiProperty({ example: 'Komplettera med underlag för behov 2' })
  @Trim() @IsString() @IsNotEmpty() @MaxLength(4000)
  comment!: string;
}

export class SubmissionDto {
  @ApiProperty({ format: 'uuid' }) departmentId!: string;
  @ApiProperty() departmentName!: string;
  @ApiProperty({ enum: SUBMISSION_STATUSES }) status!: string;
  @ApiProperty() needCount!: number;
  @ApiProperty() late!: boolean;
  @ApiProperty({ nullable: true }) submittedAt!: Date | null;
  @ApiProperty({ nullable: true }) endorsedAt!: Date | null;
  @ApiProperty({ nullable: true }) returnedAt!: Date | null;
  @ApiProperty({ nullable: true }) returnComment!: string | null;
  @ApiProperty({ nullable: true }) nothingToReportReason!: string | null;
}

export class ReferenceItemDto {
  @ApiProperty({ example: 'library' }) code!: string;
  @ApiProperty({ example: 'Bibliotek' }) name!: string;
  @ApiPropertyOptional({ description: 'only in the admin listing (?all=true)' }) active?: boolean;
}

export class CreateReferenceItemDto {
  @ApiProperty({ example: 'hyllie', description: 'a–z, 0–9 and _, starting with a letter (2–40)' })
  @Trim() @IsString() @IsNotEmpty() @MaxLength(40)
  code!: string;

  @ApiProperty({ example: 'Hyllie' })
  @Trim() @IsString() @IsNotEmpty() @MaxLength(200)
  name!: string;
}

export class UpdateReferenceItemDto {
  @ApiPropertyOptional() @IsOptional() @Trim() @IsString() @IsNotEmpty() @MaxLength(200) name?: string;
  @ApiPropertyOptional({ description: 'false retires the item: it stays on existing needs, cannot be chosen for new ones' })
  @IsOptional() @IsBoolean()
  active?: boolean;
}

export class ReferenceListQueryDto {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true: retired items too (admins)' })
  @IsOptional() @IsIn(['true', 'false'])
  all?: 'true' | 'false';
}
