import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FOLLOW_UP_LIMITS, periodsViolations, REPORT_SOURCES, REPORT_STATUSES, reportViolations, type ReportSource, type ReportStatus } from '@samverka/follow-up';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsInt, IsOptional, IsString, IsUUID, ValidateNested } from 'class-validator';
import { IsLocalDate } from '../../../shell/is-local-date';
import { Trim } from '../../../shell/trim';
import { CheckedBy, MultiLine } from '../../../shell/validation';


// ---- periods ------------------------------------------------------------------

export class PeriodInputDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'an existing period (kept with its reports); absent: a new period' })
  @IsOptional() @IsUUID()
  id?: string;

  @ApiProperty({ example: '2026 T2', maxLength: FOLLOW_UP_LIMITS.label, description: 'unique in the round' })
  @Trim() @IsString()
  label!: string;

  @ApiProperty({ format: 'date', example: '2026-09-15', description: 'the day the reports are due' })
  @IsLocalDate()
  dueOn!: string;
}

/** Shape only: the rules are periodsViolations (libs/follow-up). */
@CheckedBy(periodsViolations)
export class SetPeriodsDto {
  @ApiProperty({ type: [PeriodInputDto], maxItems: FOLLOW_UP_LIMITS.periods, description: 'the periods in order; one left out is removed (409 PERIOD_HAS_REPORTS when it has reports)' })
  @IsArray() @ArrayMaxSize(FOLLOW_UP_LIMITS.periods) @ValidateNested({ each: true }) @Type(() => PeriodInputDto)
  periods!: PeriodInputDto[];
}

export class PeriodDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '2026 T2' }) label!: string;
  @ApiProperty({ format: 'date' }) dueOn!: string;
  @ApiProperty({ type: 'integer' }) position!: number;
}

export class PeriodsDto {
  @ApiProperty({ type: [PeriodDto] }) periods!: PeriodDto[];
}

// ---- reports ------------------------------------------------------------------

/** Shape only: the rules are reportViolations (libs/follow-up). */
@CheckedBy(reportViolations)
export class ReportDto {
  @ApiProperty({ format: 'uuid', description: "one of the round's reporting periods" })
  @IsUUID()
  periodId!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'the department reporting (its coordinator calls); exactly one of departmentId and contactCentre' })
  @IsOptional() @IsUUID()
  departmentId?: string;

  @ApiPropertyOptional({ type: Boolean, enum: [true], description: 'the contact centre reporting (a strategist calls)' })
  @IsOptional() @IsBoolean()
  contactCentre?: true;

  @ApiProperty({ enum: REPORT_STATUSES })
  @IsString()
  status!: ReportStatus;

  @ApiProperty({ type: 'integer', minimum: 0, maximum: 100, description: 'percent done (100 when done)' })
  @IsInt()
  progress!: number;

  @ApiProperty({ maxLength: FOLLOW_UP_LIMITS.comment, example: 'Utbildningen av personalen pågår.' })
  @Trim() @IsString() @MultiLine()
  comment!: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: FOLLOW_UP_LIMITS.cause, description: 'required when at_risk or delayed' })
  @IsOptional() @Trim() @IsString() @MultiLine()
  cause?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: FOLLOW_UP_LIMITS.needed, description: 'what is needed; required when at_risk or delayed' })
  @IsOptional() @Trim() @IsString() @MultiLine()
  needed?: string | null;
}

export class ReportingOrganisationDto {
  @ApiProperty({ enum: ['department', 'contactCentre'] }) kind!: 'department' | 'contactCentre';
  @ApiPropertyOptional({ format: 'uuid', description: 'for a department' }) departmentId?: string;
}

export class RecordedReportDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: 'integer', description: '1 for the first report of the period, then one more per correction' }) revision!: number;
  @ApiProperty({ format: 'uuid' }) periodId!: string;
  @ApiProperty({ format: 'uuid' }) itemId!: string;
  @ApiProperty({ example: 'LS-3' }) itemCode!: string;
  @ApiProperty({ type: ReportingOrganisationDto }) organisation!: ReportingOrganisationDto;
  @ApiProperty({ enum: REPORT_STATUSES }) status!: ReportStatus;
  @ApiProperty({ type: 'integer' }) progress!: number;
  @ApiProperty({ format: 'date-time' }) reportedAt!: string;
}

export class ItemReportDto extends RecordedReportDto {
  @ApiProperty({ format: 'uuid' }) roundId!: string;
  @ApiProperty() comment!: string;
  @ApiProperty({ type: String, nullable: true }) cause!: string | null;
  @ApiProperty({ type: String, nullable: true }) needed!: string | null;
  @ApiProperty({ enum: REPORT_SOURCES }) source!: ReportSource;
  @ApiProperty({ type: String, nullable: true, description: 'who sent it' }) reportedBy!: string | null;
}

// ---- the view -----------------------------------------------------------------

export class FollowUpQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'the period; default: the latest period whose due date has passed, else the first' })
  @IsOptional() @IsUUID()
  periodId?: string;
}

export class StatusCountsDto {
  @ApiProperty({ type: 'integer' }) not_started!: number;
  @ApiProperty({ type: 'integer' }) on_track!: number;
  @ApiProperty({ type: 'integer' }) at_risk!: number;
  @ApiProperty({ type: 'integer' }) delayed!: number;
  @ApiProperty({ type: 'integer' }) done!: number;
  @ApiProperty({ type: 'integer' }) cancelled!: number;
  @ApiProperty({ type: 'integer' }) not_reported!: number;
}

export class RollUpDto {
  @ApiProperty({ type: Number, nullable: true, description: 'percent done, weighted by estimated effort, over the reported items with an estimate (null: none)' }) weightedProgress!: number | null;
  @ApiProperty({ description: 'hours of the reported items (what the weighted figure covers)' }) coveredEffortHours!: number;
  @ApiProperty({ description: 'hours of all items' }) totalEffortHours!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'covered / total, in percent (null: no estimate at all)' }) effortCoverage!: number | null;
  @ApiProperty({ type: 'integer', description: 'items with a report for the period' }) reported!: number;
  @ApiProperty({ type: 'integer', description: 'items without (left out of the weighted figure)' }) notReported!: number;
  @ApiProperty({ type: StatusCountsDto, description: "items by status (an item's status is the least favourable of its organisations')" }) statusCounts!: StatusCountsDto;
}

export class FollowUpPeriodDto extends PeriodDto {
  @ApiProperty({ description: 'its due date has passed' }) due!: boolean;
}

export class FollowUpPlanDto {
  @ApiProperty({ format: 'uuid' }) roundId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: 'integer' }) year!: number;
  @ApiProperty() state!: string;
  @ApiProperty({ format: 'date' }) today!: string;
  @ApiProperty({ type: FollowUpPeriodDto, nullable: true, description: 'the period the figures are for' }) period!: FollowUpPeriodDto | null;
  @ApiProperty({ type: RollUpDto }) rollUp!: RollUpDto;
}

export class FollowUpAreaDto {
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: RollUpDto }) rollUp!: RollUpDto;
}

export class OrganisationStatusDto {
  @ApiProperty({ type: ReportingOrganisationDto }) organisation!: ReportingOrganisationDto;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: REPORT_STATUSES, nullable: true, description: 'null: not reported for the period' }) status!: ReportStatus | null;
  @ApiProperty({ type: 'integer', nullable: true }) progress!: number | null;
  @ApiProperty({ type: 'integer', nullable: true }) revision!: number | null;
  @ApiProperty({ type: String, nullable: true }) comment!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) reportedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) reportedBy!: string | null;
}

export class FollowUpItemDto {
  @ApiProperty({ format: 'uuid' }) itemId!: string;
  @ApiProperty({ example: 'LS-3' }) code!: string;
  @ApiProperty() areaCode!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: Number, nullable: true }) effortHours!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: "mean of the organisations' progress (null: not reported)" }) progress!: number | null;
  @ApiProperty({ enum: REPORT_STATUSES, nullable: true, description: "the least favourable of the organisations' statuses" }) status!: ReportStatus | null;
  @ApiProperty({ type: [OrganisationStatusDto], description: 'each reporting organisation with its latest revision for the period' }) organisations!: OrganisationStatusDto[];
}

export class OrganisationFollowUpDto {
  @ApiProperty({ type: ReportingOrganisationDto }) organisation!: ReportingOrganisationDto;
  @ApiProperty() name!: string;
  @ApiProperty({ type: 'integer', description: 'items it reports on' }) obligations!: number;
  @ApiProperty({ type: 'integer' }) reported!: number;
  @ApiProperty({ type: 'integer' }) missing!: number;
  @ApiProperty({ type: 'integer', description: 'reports owed for periods already due' }) overdue!: number;
  @ApiProperty({ type: RollUpDto }) rollUp!: RollUpDto;
}

export class OverdueReportDto {
  @ApiProperty({ type: ReportingOrganisationDto }) organisation!: ReportingOrganisationDto;
  @ApiProperty() name!: string;
  @ApiProperty({ format: 'uuid' }) itemId!: string;
  @ApiProperty() itemCode!: string;
  @ApiProperty() itemTitle!: string;
  @ApiProperty({ format: 'uuid' }) periodId!: string;
  @ApiProperty() periodLabel!: string;
  @ApiProperty({ format: 'date' }) dueOn!: string;
  @ApiProperty({ format: 'date', description: 'the first day late' }) lateSince!: string;
  @ApiProperty({ type: 'integer', description: 'working days late today' }) workingDaysLate!: number;
}

export class PeriodStatusDto {
  @ApiProperty({ format: 'uuid' }) periodId!: string;
  @ApiProperty() label!: string;
  @ApiProperty({ format: 'date' }) dueOn!: string;
  @ApiProperty({ type: StatusCountsDto, description: "the obligations' latest statuses in the period" }) counts!: StatusCountsDto;
}

export class FollowUpViewDto {
  @ApiProperty({ type: FollowUpPlanDto }) plan!: FollowUpPlanDto;
  @ApiProperty({ type: [FollowUpPeriodDto] }) periods!: FollowUpPeriodDto[];
  @ApiProperty({ type: [FollowUpAreaDto] }) areas!: FollowUpAreaDto[];
  @ApiProperty({ type: [FollowUpItemDto] }) items!: FollowUpItemDto[];
  @ApiProperty({ type: [OrganisationFollowUpDto], description: 'the departments (and the contact centre) that report' }) departments!: OrganisationFollowUpDto[];
  @ApiProperty({ type: [OverdueReportDto], description: 'every report owed for a period already due, oldest first' }) overdue!: OverdueReportDto[];
  @ApiProperty({ type: [PeriodStatusDto], description: 'status over periods' }) statusOverPeriods!: PeriodStatusDto[];
}

