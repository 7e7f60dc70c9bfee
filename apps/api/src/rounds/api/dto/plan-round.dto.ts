import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsBoolean, IsIn, IsInt, IsNumber, IsOptional, IsString, Max, Min, ValidateNested } from 'class-validator';
import { AREA_CODE_PATTERN, DECISION_OUTCOMES, ROUND_LIMITS, STEERING_EVENT_TYPES, type SteeringEventType } from '@samverka/rounds';
import { PLAN_ROUND_STATES, type PlanRoundState } from '@samverka/workflow';
import { Trim } from '../../../shell/trim';
import { MultiLine } from '../../../shell/validation';

/*
 * Requests: the DTOs check the JSON type of what is sent (and refuse unknown fields); whether a
 * field is required, its limits, patterns and the order of the dates are the rounds' input rules
 * (`@samverka/rounds`, plan-round.rules.ts), which report every violation at once in the same 400.
 * So every field is optional here as far as validation goes; the OpenAPI document says which are required.
 */

export class AreaDto {
  @ApiProperty({ example: 'LOKAL_SERVICE', pattern: AREA_CODE_PATTERN.source, description: 'capitals, digits and underscores, 2–40 characters; unique in the round' })
  @IsOptional() @Trim() @IsString()
  code!: string;

  @ApiProperty({ example: 'Lokal service', maxLength: ROUND_LIMITS.areaName })
  @IsOptional() @Trim() @IsString()
  name!: string;
}

export class DeadlinesDto {
  @ApiProperty({ example: '2027-02-26', format: 'date', description: 'last day for departments to submit needs (YYYY-MM-DD, Europe/Stockholm); after today' })
  @IsOptional() @IsString()
  needs!: string;

  @ApiPropertyOptional({ type: String, example: '2027-05-31', format: 'date', nullable: true, description: 'last day for consultation replies; after the needs deadline; null: none' })
  @IsOptional() @IsString()
  consultationReply?: string | null;

  @ApiPropertyOptional({ type: String, example: '2027-09-30', format: 'date', nullable: true, description: 'planned decision date; after the reply date; null: none' })
  @IsOptional() @IsString()
  decision?: string | null;
}

export class UpdateDeadlinesDto extends PartialType(DeadlinesDto) {}

export class AutoCloseDto {
  @ApiPropertyOptional({ description: 'close needs collection automatically the day after its deadline' })
  @IsOptional() @IsBoolean()
  needs?: boolean;

  @ApiPropertyOptional({ description: 'close the consultation automatically the day after the reply date' })
  @IsOptional() @IsBoolean()
  consultation?: boolean;
}

export class CreatePlanRoundDto {
  @ApiProperty({ example: 'Utvecklingsplan för kontaktcenter 2027 och framåt', maxLength: ROUND_LIMITS.title })
  @IsOptional() @Trim() @IsString()
  title!: string;

  @ApiProperty({ example: 2027, type: 'integer', minimum: ROUND_LIMITS.year.min, maximum: ROUND_LIMITS.year.max })
  @IsOptional() @IsNumber()
  year!: number;

  @ApiProperty({ example: 'STK-2026-1400', maxLength: ROUND_LIMITS.caseNumber, description: 'diarienummer' })
  @IsOptional() @Trim() @IsString()
  caseNumber!: string;

  @ApiPropertyOptional({ type: 'array', items: { type: 'string', format: 'uuid' }, minItems: 1, maxItems: ROUND_LIMITS.participants, description: 'default: every active department' })
  @IsOptional() @IsArray() @IsString({ each: true })
  participantDepartmentIds?: string[];

  @ApiPropertyOptional({ type: [AreaDto], minItems: 1, maxItems: ROUND_LIMITS.areas, description: 'default: the five development areas of the plan' })
  @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => AreaDto)
  areas?: AreaDto[];

  @ApiProperty({ type: DeadlinesDto })
  @IsOptional() @ValidateNested() @Type(() => DeadlinesDto)
  deadlines!: DeadlinesDto;

  @ApiPropertyOptional({ type: AutoCloseDto })
  @IsOptional() @ValidateNested() @Type(() => AutoCloseDto)
  autoClose?: AutoCloseDto;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      "next year's round from an earlier one: its areas and participants (unless given), its deadlines one year on moved to working days " +
      '(those not given), and its adopted plan as the first draft — the items not done or cancelled in the follow-up, with their codes, ' +
      'responsibilities and latest status, marked as carried over. 422 when there is no such round',
  })
  @IsOptional() @IsString()
  fromRoundId?: string;
}

export class UpdatePlanRoundDto extends PartialType(OmitType(CreatePlanRoundDto, ['year', 'deadlines', 'fromRoundId'] as const)) {
  @ApiPropertyOptional({ type: UpdateDeadlinesDto, description: 'the dates to change; null removes the reply or decision date' })
  @IsOptional() @ValidateNested() @Type(() => UpdateDeadlinesDto)
  deadlines?: UpdateDeadlinesDto;

  @ApiPropertyOptional({ description: 'true confirms moving the needs deadline to today or earlier; without it such a change is refused' })
  @IsOptional() @IsBoolean()
  confirmPastDeadline?: boolean;
}

export class RoundEventDto {
  @ApiProperty({ enum: STEERING_EVENT_TYPES })
  @IsOptional() @IsString()
  type!: SteeringEventType;

  @ApiPropertyOptional({ description: 'take CLOSE_NEEDS / CLOSE_CONSULTATION / SUBMIT_FOR_DECISION past an unmet condition; needs a reason' })
  @IsOptional() @IsBoolean()
  force?: boolean;

  @ApiPropertyOptional({ maxLength: ROUND_LIMITS.reason, description: 'required when forcing, cancelling, or recording a returned decision; lands in the history' })
  @IsOptional() @Trim() @IsString() @MultiLine()
  reason?: string;

  @ApiPropertyOptional({ enum: DECISION_OUTCOMES, description: 'RECORD_DECISION only (required there)' })
  @IsOptional() @IsString()
  outcome?: 'adopted' | 'returned';

  @ApiPropertyOptional({ format: 'date', example: '2025-05-07', description: 'RECORD_DECISION only (required there): the date of the meeting that decided; not in the future' })
  @IsOptional() @IsString()
  decidedOn?: string;

  @ApiPropertyOptional({ maxLength: ROUND_LIMITS.decisionBody, example: 'Kommunstyrelsen', description: 'RECORD_DECISION only (required there): who decided' })
  @IsOptional() @Trim() @IsString()
  body?: string;

  @ApiPropertyOptional({ maxLength: ROUND_LIMITS.minuteReference, example: '§ 123', description: 'RECORD_DECISION only (required there): the minute reference (paragraph) of the decision' })
  @IsOptional() @Trim() @IsString()
  minuteReference?: string;
}

export class RoundListQueryDto {
  @ApiPropertyOptional({ example: 2027, type: 'integer', minimum: ROUND_LIMITS.year.min, maximum: ROUND_LIMITS.year.max })
  @IsOptional() @Type(() => Number) @IsInt() @Min(ROUND_LIMITS.year.min) @Max(ROUND_LIMITS.year.max)
  year?: number;

  @ApiPropertyOptional({ enum: PLAN_ROUND_STATES })
  @IsOptional() @IsIn(PLAN_ROUND_STATES)
  state?: PlanRoundState;
}

// ---- responses ------------------------------------------------------------
/** Whether each phase closes by itself: both always said. */
class RoundAutoCloseDto {
  @ApiProperty({ description: 'needs collection closes the day after its deadline' }) needs!: boolean;
  @ApiProperty({ description: 'the consultation closes the day after the reply date' }) consultation!: boolean;
}

class RoundDeadlinesDto {
  @ApiProperty({ example: '2027-02-26', format: 'date' }) needs!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true, example: '2027-05-31' }) consultationReply!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true, example: '2027-09-30' }) decision!: string | null;
}

class CurrentDeadlineDto {
  @ApiProperty({ enum: ['needs', 'consultationReply', 'decision'] }) kind!: string;
  @ApiProperty({ example: 'Sista dag för behov' }) label!: string;
  @ApiProperty({ example: '2027-02-26', format: 'date' }) date!: string;
  @ApiProperty({ description: 'today is after the last day (overdue)' }) passed!: boolean;
}

class AvailableEventDto {
  @ApiProperty({ enum: STEERING_EVENT_TYPES }) type!: string;
  @ApiProperty({ example: 'Stäng behovsinsamlingen' }) label!: string;
  @ApiProperty() allowed!: boolean;
  @ApiProperty({ type: [String], example: ['3 förvaltningar har inte lämnat in behov'] }) reasons!: string[];
  @ApiProperty({ description: 'blocked by the facts, but a strategist may force it with a written reason' }) forcible!: boolean;
}

class ParticipantCoordinatorDto {
  @ApiProperty({ format: 'uuid' }) personId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['primary', 'deputy'] }) kind!: string;
}

class ParticipantSubmissionDto {
  @ApiProperty({ enum: ['draft', 'submitted', 'endorsed', 'returned', 'nothingToReport'] }) status!: string;
  @ApiProperty({ description: 'handed in after the needs deadline, or not handed in while needs are collected and the deadline has passed' }) late!: boolean;
  @ApiProperty({ type: 'integer', minimum: 0 }) needCount!: number;
  @ApiProperty({ type: Date, nullable: true }) submittedAt!: Date | null;
  @ApiProperty({ type: String, nullable: true, example: 'Annika Åsberg' }) submittedBy!: string | null;
  @ApiProperty({ type: Date, nullable: true }) endorsedAt!: Date | null;
  @ApiProperty({ type: String, nullable: true }) endorsedBy!: string | null;
  @ApiProperty({ type: Date, nullable: true }) returnedAt!: Date | null;
  @ApiProperty({ type: String, nullable: true }) returnedBy!: string | null;
}

class ParticipantDto {
  @ApiProperty({ format: 'uuid' }) departmentId!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ format: 'uuid' }) committeeId!: string;
  @ApiProperty() active!: boolean;
  @ApiProperty({ type: [ParticipantCoordinatorDto] }) coordinators!: ParticipantCoordinatorDto[];
  @ApiProperty() submitted!: boolean;
  @ApiProperty() nothingToReport!: boolean;
  @ApiProperty({ type: ParticipantSubmissionDto }) submission!: ParticipantSubmissionDto;
}

class DeadlineReachedDto {
  @ApiProperty({ enum: ['needs', 'consultationReply', 'decision'] }) kind!: string;
  @ApiProperty() label!: string;
  @ApiProperty({ format: 'date' }) date!: string;
  @ApiProperty() recordedAt!: Date;
}

class EndingAssignmentDeadlineDto {
  @ApiProperty({ enum: ['needs', 'consultationReply', 'decision'] }) kind!: string;
  @ApiProperty() label!: string;
  @ApiProperty({ format: 'date' }) date!: string;
}

class EndingAssignmentDto {
  @ApiProperty({ format: 'uuid' }) departmentId!: string;
  @ApiProperty() departmentName!: string;
  @ApiProperty() personName!: string;
  @ApiProperty({ enum: ['primary', 'deputy'] }) kind!: string;
  @ApiProperty({ format: 'date', description: "the assignment's last day" }) endsOn!: string;
  @ApiProperty({ type: EndingAssignmentDeadlineDto, description: 'the first deadline of the round after that day' }) deadline!: EndingAssignmentDeadlineDto;
}

class ReasonOnDto {
  @ApiProperty() reason!: string;
  @ApiProperty({ example: '2027-03-02', format: 'date' }) on!: string;
}

class ForcedStepDto extends ReasonOnDto {
  @ApiProperty({ enum: ['CLOSE_NEEDS', 'CLOSE_CONSULTATION', 'SUBMIT_FOR_DECISION'] }) event!: string;
}

export class PlanRoundSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: 'integer', minimum: ROUND_LIMITS.year.min, maximum: ROUND_LIMITS.year.max, example: 2027 }) year!: number;
  @ApiProperty() caseNumber!: string;
  @ApiProperty({ enum: PLAN_ROUND_STATES }) state!: string;
  @ApiProperty({ example: 'Behovsinsamling' }) stateLabel!: string;
  @ApiProperty({ type: 'integer', minimum: 1, description: 'row version; also the ETag' }) version!: number;
  @ApiProperty({ type: RoundDeadlinesDto }) deadlines!: RoundDeadlinesDto;
  @ApiProperty({ type: CurrentDeadlineDto, nullable: true }) currentDeadline!: CurrentDeadlineDto | null;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;
}

export class PlanRoundDto extends PlanRoundSummaryDto {
  @ApiProperty({ type: 'integer', minimum: 1 }) machineVersion!: number;
  @ApiProperty({ type: RoundAutoCloseDto }) autoClose!: RoundAutoCloseDto;
  @ApiProperty({ type: [DeadlineReachedDto], description: 'deadlines that passed while their phase was open' }) deadlinesReached!: DeadlineReachedDto[];
  @ApiProperty({ type: [AreaDto] }) areas!: AreaDto[];
  @ApiProperty({ type: [ParticipantDto] }) participants!: ParticipantDto[];
  @ApiProperty({ type: [AvailableEventDto], description: 'the steps meaningful in this state, whether the facts allow them now, and why not' })
  events!: AvailableEventDto[];
  @ApiProperty({ type: [ForcedStepDto] }) forcedSteps!: ForcedStepDto[];
  @ApiProperty({ type: [ReasonOnDto] }) returns!: ReasonOnDto[];
  @ApiProperty({ type: ReasonOnDto, nullable: true }) cancellation!: ReasonOnDto | null;
  @ApiProperty({ example: '2027-03-02', format: 'date', description: 'the day the facts were judged on (Europe/Stockholm)' }) today!: string;
  @ApiProperty({ type: [EndingAssignmentDto], description: "participants' coordinator assignments (valid today) that end before one of the round's deadlines still ahead (flagged at launch); empty once the round has ended" })
  assignmentsEnding!: EndingAssignmentDto[];
}

export class RoundHistoryEntryDto {
  @ApiProperty({ pattern: '^[0-9]+$', example: '42', description: 'the entry\'s sequence number (a 64-bit integer, as a string)' }) id!: string;
  @ApiProperty({ format: 'uuid' }) roundId!: string;
  @ApiProperty({ example: 'CLOSE_NEEDS', description: 'CREATED, UPDATED, DEADLINE_REACHED or a workflow event' }) type!: string;
  @ApiProperty({ type: 'integer', minimum: 1, nullable: true, description: 'the row version this entry produced' }) version!: number | null;
  @ApiProperty({ type: String, enum: PLAN_ROUND_STATES, nullable: true }) fromState!: string | null;
  @ApiProperty({ type: String, enum: PLAN_ROUND_STATES, nullable: true }) toState!: string | null;
  @ApiProperty() forced!: boolean;
  @ApiProperty({ type: String, nullable: true }) reason!: string | null;
  @ApiProperty({ type: String, nullable: true, enum: ['needs', 'consultationReply', 'decision'] }) deadline!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) deadlineDate!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'REMINDER_SENT: the department reminded' }) departmentId!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'REMINDER_SENT: the day (Europe/Stockholm); one reminder a day per department' })
  remindedOn!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) data!: Record<string, unknown>;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) actorId!: string | null;
  @ApiProperty() actorLabel!: string;
  @ApiProperty() occurredAt!: Date;
}

export class RoundReminderDto {
  @ApiProperty({ format: 'uuid' }) roundId!: string;
  @ApiProperty({ format: 'uuid' }) departmentId!: string;
  @ApiProperty({ example: 'Förskoleförvaltningen' }) departmentName!: string;
  @ApiProperty({ format: 'date', example: '2027-02-10', description: 'the day of the reminder (Europe/Stockholm); the department can be reminded again the next day' })
  remindedOn!: string;
  @ApiProperty({ type: [String], example: ['Annika Åsberg', 'Susanne Nyström'], description: "the department's coordinator and deputies emailed" })
  recipients!: string[];
}
