import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { STEERING_EVENT_TYPES, type SteeringEventType } from '@samverka/rounds';
import { PLAN_ROUND_STATES, type PlanRoundState } from '@samverka/workflow';
import { IsLocalDate } from '../../../shell/is-local-date';
import { Trim } from '../../../shell/trim';

export class AreaDto {
  @ApiProperty({ example: 'LOKAL_SERVICE', description: 'capitals, digits and underscores, 2–40 characters; unique in the round' })
  @Trim() @IsString() @IsNotEmpty() @MaxLength(40)
  code!: string;

  @ApiProperty({ example: 'Lokal service' })
  @Trim() @IsString() @IsNotEmpty() @MaxLength(200)
  name!: string;
}

export class DeadlinesDto {
  @ApiProperty({ example: '2027-02-26', description: 'last day for departments to submit needs (YYYY-MM-DD, Europe/Stockholm); after today' })
  @IsLocalDate()
  needs!: string;

  @ApiPropertyOptional({ example: '2027-05-31', nullable: true, description: 'last day for consultation replies; after the needs deadline' })
  @IsOptional() @IsLocalDate()
  consultationReply?: string | null;

  @ApiPropertyOptional({ example: '2027-09-30', nullable: true, description: 'planned decision date; after the reply date' })
  @IsOptional() @IsLocalDate()
  decision?: string | null;
}

export class UpdateDeadlinesDto {
  @ApiPropertyOptional({ example: '2027-03-05' })
  @IsOptional() @IsLocalDate()
  needs?: string;

  @ApiPropertyOptional({ example: '2027-06-15', nullable: true, description: 'null removes it' })
  @ValidateIf((_, v) => v !== null && v !== undefined) @IsLocalDate()
  consultationReply?: string | null;

  @ApiPropertyOptional({ example: '2027-10-15', nullable: true, description: 'null removes it' })
  @ValidateIf((_, v) => v !== null && v !== undefined) @IsLocalDate()
  decision?: string | null;
}

export class AutoCloseDto {
  @ApiPropertyOptional({ description: 'close needs collection automatically the day after its deadline' })
  @IsOptional() @IsBoolean()
  needs?: boolean;

  @ApiPropertyOptional({ description: 'close the consultation automatically the day after the reply date' })
  @IsOptional() @IsBoolean()
  consultation?: boolean;
}

export class CreatePlanRoundDto {
  @ApiProperty({ example: 'Utvecklingsplan för kontaktcenter 2027 och framåt' })
  @Trim() @IsString() @IsNotEmpty() @MaxLength(300)
  title!: string;

  @ApiProperty({ example: 2027 })
  @IsInt() @Min(2000) @Max(2100)
  year!: number;

  @ApiProperty({ example: 'STK-2026-1400', description: 'diarienummer' })
  @Trim() @IsString() @IsNotEmpty() @MaxLength(60)
  caseNumber!: string;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'default: every active department' })
  @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(1000) @IsUUID('all', { each: true })
  participantDepartmentIds?: string[];

  @ApiPropertyOptional({ type: [AreaDto], description: 'default: the five development areas of the plan' })
  @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(30) @ValidateNested({ each: true }) @Type(() => AreaDto)
  areas?: AreaDto[];

  @ApiProperty({ type: DeadlinesDto })
  @ValidateNested() @Type(() => DeadlinesDto)
  deadlines!: DeadlinesDto;

  @ApiPropertyOptional({ type: AutoCloseDto })
  @IsOptional() @ValidateNested() @Type(() => AutoCloseDto)
  autoClose?: AutoCloseDto;
}

export class UpdatePlanRoundDto {
  @ApiPropertyOptional()
  @IsOptional() @Trim() @IsString() @IsNotEmpty() @MaxLength(300)
  title?: string;

  @ApiPropertyOptional()
  @IsOptional() @Trim() @IsString() @IsNotEmpty() @MaxLength(60)
  caseNumber?: string;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'only before launch' })
  @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(1000) @IsUUID('all', { each: true })
  participantDepartmentIds?: string[];

  @ApiPropertyOptional({ type: [AreaDto], description: 'only before launch' })
  @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(30) @ValidateNested({ each: true }) @Type(() => AreaDto)
  areas?: AreaDto[];

  @ApiPropertyOptional({ type: UpdateDeadlinesDto })
  @IsOptional() @ValidateNested() @Type(() => UpdateDeadlinesDto)
  deadlines?: UpdateDeadlinesDto;

  @ApiPropertyOptional({ type: AutoCloseDto })
  @IsOptional() @ValidateNested() @Type(() => AutoCloseDto)
  autoClose?: AutoCloseDto;
}

export class RoundEventDto {
  @ApiProperty({ enum: STEERING_EVENT_TYPES })
  @IsIn(STEERING_EVENT_TYPES)
  type!: SteeringEventType;

  @ApiPropertyOptional({ description: 'take CLOSE_NEEDS / CLOSE_CONSULTATION past an unmet condition; needs a reason' })
  @IsOptional() @IsBoolean()
  force?: boolean;

  @ApiPropertyOptional({ description: 'required when forcing, cancelling, or recording a returned decision; lands in the history' })
  @IsOptional() @Trim() @IsString() @MaxLength(4000)
  reason?: string;

  @ApiPropertyOptional({ enum: ['adopted', 'returned'], description: 'RECORD_DECISION only' })
  @IsOptional() @IsIn(['adopted', 'returned'])
  outcome?: 'adopted' | 'returned';
}

export class RoundListQueryDto {
  @ApiPropertyOptional({ example: 2027 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(2000) @Max(2100)
  year?: number;

  @ApiPropertyOptional({ enum: PLAN_ROUND_STATES })
  @IsOptional() @IsIn(PLAN_ROUND_STATES)
  state?: PlanRoundState;
}

// ---- responses ------------------------------------------------------------
class RoundDeadlinesDto {
  @ApiProperty({ example: '2027-02-26' }) needs!: string;
  @ApiProperty({ nullable: true, example: '2027-05-31' }) consultationReply!: string | null;
  @ApiProperty({ nullable: true, example: '2027-09-30' }) decision!: string | null;
}

class CurrentDeadlineDto {
  @ApiProperty({ enum: ['needs', 'consultationReply', 'decision'] }) kind!: string;
  @ApiProperty({ example: 'Sista dag för behov' }) label!: string;
  @ApiProperty({ example: '2027-02-26' }) date!: string;
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

class ParticipantDto {
  @ApiProperty({ format: 'uuid' }) departmentId!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ format: 'uuid' }) committeeId!: string;
  @ApiProperty() active!: boolean;
  @ApiProperty({ type: [ParticipantCoordinatorDto] }) coordinators!: ParticipantCoordinatorDto[];
  @ApiProperty() submitted!: boolean;
  @ApiProperty() nothingToReport!: boolean;
}

class DeadlineReachedDto {
  @ApiProperty({ enum: ['needs', 'consultationReply', 'decision'] }) kind!: string;
  @ApiProperty() label!: string;
  @ApiProperty() date!: string;
  @ApiProperty() recordedAt!: Date;
}

class ReasonOnDto {
  @ApiProperty() reason!: string;
  @ApiProperty({ example: '2027-03-02' }) on!: string;
}

class ForcedStepDto extends ReasonOnDto {
  @ApiProperty({ enum: ['CLOSE_NEEDS', 'CLOSE_CONSULTATION'] }) event!: string;
}

export class PlanRoundSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() year!: number;
  @ApiProperty() caseNumber!: string;
  @ApiProperty({ enum: PLAN_ROUND_STATES }) state!: string;
  @ApiProperty({ example: 'Behovsinsamling' }) stateLabel!: string;
  @ApiProperty({ description: 'row version; also the ETag' }) version!: number;
  @ApiProperty({ type: RoundDeadlinesDto }) deadlines!: RoundDeadlinesDto;
  @ApiProperty({ type: CurrentDeadlineDto, nullable: true }) currentDeadline!: CurrentDeadlineDto | null;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;
}

export class PlanRoundDto extends PlanRoundSummaryDto {
  @ApiProperty() machineVersion!: number;
  @ApiProperty({ type: AutoCloseDto }) autoClose!: AutoCloseDto;
  @ApiProperty({ type: [DeadlineReachedDto], description: 'deadlines that passed while their phase was open' }) deadlinesReached!: DeadlineReachedDto[];
  @ApiProperty({ type: [AreaDto] }) areas!: AreaDto[];
  @ApiProperty({ type: [ParticipantDto] }) participants!: ParticipantDto[];
  @ApiProperty({ type: [AvailableEventDto], description: 'the steps meaningful in this state, whether the facts allow them now, and why not' })
  events!: AvailableEventDto[];
  @ApiProperty({ type: [ForcedStepDto] }) forcedSteps!: ForcedStepDto[];
  @ApiProperty({ type: [ReasonOnDto] }) returns!: ReasonOnDto[];
  @ApiProperty({ type: ReasonOnDto, nullable: true }) cancellation!: ReasonOnDto | null;
  @ApiProperty({ example: '2027-03-02', description: 'the day the facts were judged on (Europe/Stockholm)' }) today!: string;
}

export class RoundHistoryEntryDto {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'CLOSE_NEEDS', description: 'CREATED, UPDATED, DEADLINE_REACHED or a workflow event' }) type!: string;
  @ApiProperty({ nullable: true, description: 'the row version this entry produced' }) version!: number | null;
  @ApiProperty({ nullable: true }) fromState!: string | null;
  @ApiProperty({ nullable: true }) toState!: string | null;
  @ApiProperty() forced!: boolean;
  @ApiProperty({ nullable: true }) reason!: string | null;
  @ApiProperty({ nullable: true, enum: ['needs', 'consultationReply', 'decision'] }) deadline!: string | null;
  @ApiProperty({ nullable: true }) deadlineDate!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) data!: Record<string, unknown>;
  @ApiProperty({ format: 'uuid', nullable: true }) actorId!: string | null;
  @ApiProperty() actorLabel!: string;
  @ApiProperty() occurredAt!: Date;
}
