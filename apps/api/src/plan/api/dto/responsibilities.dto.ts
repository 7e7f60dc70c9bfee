import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PLAN_ITEM_STATUSES, type PlanItemStatus, RESPONSIBILITY_ROLES, type ResponsibilityRole } from '@samverka/plan';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

/** `version`: a frozen version's number, or `draft`. */
export const VERSION_PARAM = /^([1-9][0-9]{0,5}|draft)$/;
/** `organisation`: a department's id, or `contactCentre`. */
export const ORGANISATION_PARAM = /^(contactCentre|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

export class VersionQueryDto {
  @ApiPropertyOptional({
    pattern: VERSION_PARAM.source,
    example: '2',
    description: 'a frozen version\'s number, or `draft` (strategists and admins only); default: the latest frozen version (the draft for strategists and admins while none is frozen)',
  })
  @IsOptional() @IsString() @Matches(VERSION_PARAM, { message: 'version ska vara ett versionsnummer eller draft' })
  version?: string;
}

export class MatrixQueryDto extends VersionQueryDto {
  @ApiPropertyOptional({ example: 'LOKAL_SERVICE', description: "only the items of this area (one of the round's area codes)" })
  @IsOptional() @IsString() @MaxLength(40)
  areaCode?: string;

  @ApiPropertyOptional({ pattern: ORGANISATION_PARAM.source, description: 'only the items in which this organisation has a role: a participating department\'s id, or `contactCentre`' })
  @IsOptional() @IsString() @Matches(ORGANISATION_PARAM, { message: 'organisation ska vara en förvaltnings id eller contactCentre' })
  organisation?: string;
}

export class MarkSummaryReadDto {
  @ApiProperty({ type: 'integer', minimum: 1, example: 1, description: 'the frozen version whose summary the caller has read' })
  @IsInt() @Min(1) @Max(999999)
  version!: number;
}

export class AllocationRoundDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ description: 'diarienummer' }) caseNumber!: string;
  @ApiProperty({ type: 'integer' }) year!: number;
  @ApiProperty() state!: string;
}

export class MatrixOrganisationDto {
  @ApiProperty({ description: 'the department id, or `contactCentre`' }) key!: string;
  @ApiProperty({ enum: ['department', 'contactCentre'] }) kind!: 'department' | 'contactCentre';
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) departmentId!: string | null;
  @ApiProperty() name!: string;
  @ApiProperty({ minimum: 0, description: 'estimated hours per year over the items shown (an item without an estimate counts 0)' }) totalEffortHours!: number;
}

export class MatrixCellDto {
  @ApiProperty({ description: "the organisation's key (the column)" }) organisation!: string;
  @ApiProperty({ enum: RESPONSIBILITY_ROLES, nullable: true, type: String }) role!: ResponsibilityRole | null;
  @ApiProperty({ enum: ['R', 'A', 'C', 'I'], nullable: true, type: String }) letter!: string | null;
  @ApiProperty({ nullable: true, type: Number, minimum: 0 }) effortHours!: number | null;
}

export class MatrixRowDto {
  @ApiProperty({ format: 'uuid' }) itemId!: string;
  @ApiProperty({ example: 'LS-3' }) code!: string;
  @ApiProperty() title!: string;
  @ApiProperty() areaCode!: string;
  @ApiProperty() areaName!: string;
  @ApiProperty({ nullable: true, type: String }) startsOn!: string | null;
  @ApiProperty({ nullable: true, type: String }) endsOn!: string | null;
  @ApiProperty({ enum: PLAN_ITEM_STATUSES }) status!: PlanItemStatus;
  @ApiProperty({ type: [MatrixCellDto], description: "one per organisation, in the organisations' order" }) cells!: MatrixCellDto[];
}

export class MatrixFilterDto {
  @ApiProperty({ nullable: true, type: String }) areaCode!: string | null;
  @ApiProperty({ nullable: true, type: String }) organisation!: string | null;
}

export class AllocationAreaDto {
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
}

export class ResponsibilityMatrixDto {
  @ApiProperty({ format: 'uuid' }) roundId!: string;
  @ApiProperty({ type: 'integer', nullable: true, description: 'the version; null for the draft' }) version!: number | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) frozenAt!: string | null;
  @ApiProperty({ type: AllocationRoundDto }) round!: AllocationRoundDto;
  @ApiProperty({ type: [AllocationAreaDto], description: "the round's areas in order" }) areas!: AllocationAreaDto[];
  @ApiProperty({ type: MatrixFilterDto }) filter!: MatrixFilterDto;
  @ApiProperty({ type: [MatrixOrganisationDto], description: 'the contact centre first, then the departments with a role in an item shown, by name' }) organisations!: MatrixOrganisationDto[];
  @ApiProperty({ type: [MatrixRowDto] }) rows!: MatrixRowDto[];
}

export class OrganisationPartDto {
  @ApiProperty({ enum: RESPONSIBILITY_ROLES }) role!: ResponsibilityRole;
  @ApiProperty({ example: 'Ansvarig (A)' }) roleLabel!: string;
  @ApiProperty() expectations!: string;
  @ApiProperty({ nullable: true, type: Number, minimum: 0 }) effortHours!: number | null;
}

export class SummaryItemDto {
  @ApiProperty({ format: 'uuid' }) itemId!: string;
  @ApiProperty({ example: 'LS-3' }) code!: string;
  @ApiProperty() title!: string;
  @ApiProperty() description!: string;
  @ApiProperty() areaCode!: string;
  @ApiProperty() areaName!: string;
  @ApiProperty({ nullable: true, type: String }) startsOn!: string | null;
  @ApiProperty({ nullable: true, type: String }) endsOn!: string | null;
  @ApiProperty({ enum: PLAN_ITEM_STATUSES }) status!: PlanItemStatus;
  @ApiProperty() statusLabel!: string;
  @ApiProperty({ enum: RESPONSIBILITY_ROLES, description: "the department's role" }) role!: ResponsibilityRole;
  @ApiProperty() roleLabel!: string;
  @ApiProperty({ description: 'what exactly is expected of the department, by when' }) expectations!: string;
  @ApiProperty({ nullable: true, type: Number, minimum: 0, description: 'hours per year' }) effortHours!: number | null;
  @ApiProperty({ type: OrganisationPartDto, nullable: true, description: "the contact centre's own part on the same item" }) contactCentre!: OrganisationPartDto | null;
}

export class AllocationDepartmentDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

export class DepartmentSummaryDto {
  @ApiProperty({ format: 'uuid' }) roundId!: string;
  @ApiProperty({ type: 'integer', nullable: true, description: 'the version; null for the draft' }) version!: number | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) frozenAt!: string | null;
  @ApiProperty({ type: AllocationRoundDto }) round!: AllocationRoundDto;
  @ApiProperty({ type: AllocationDepartmentDto }) department!: AllocationDepartmentDto;
  @ApiProperty({ type: [SummaryItemDto] }) items!: SummaryItemDto[];
  @ApiProperty({ minimum: 0, description: "hours per year over the department's items" }) totalEffortHours!: number;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'when the caller marked this version\'s summary as read' }) readAt!: string | null;
}
