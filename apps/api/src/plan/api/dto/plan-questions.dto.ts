import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID } from 'class-validator';
import { NEED_PRIORITIES, type NeedPriority } from '@samverka/needs';
import { PLAN_DISCUSSION_TEXT_MAX } from '@samverka/plan';
import { Trim } from '../../../shell/trim';
import { MultiLine } from '../../../shell/validation';

export class DeferNeedDto {
  @ApiProperty({ example: 'Tas upp i nästa planomgång, när bibliotekens nya öppettider är beslutade', maxLength: PLAN_DISCUSSION_TEXT_MAX })
  @Trim() @IsString() @MultiLine()
  reason!: string;
}

export class AnsweringItemDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'LS-3' }) code!: string;
  @ApiProperty() title!: string;
}

export class NeedDeferralDto {
  @ApiProperty() reason!: string;
  @ApiProperty({ nullable: true, type: String }) deferredBy!: string | null;
  @ApiProperty() deferredAt!: Date;
}

export class CoveredNeedDto {
  @ApiProperty({ format: 'uuid' }) needId!: string;
  @ApiProperty() title!: string;
  @ApiProperty() areaCode!: string;
  @ApiProperty({ enum: NEED_PRIORITIES }) priority!: NeedPriority;
  @ApiProperty({ format: 'uuid' }) departmentId!: string;
  @ApiProperty() departmentName!: string;
  @ApiProperty({ type: [AnsweringItemDto], description: "the draft's items that answer the need (empty: not answered)" }) items!: AnsweringItemDto[];
  @ApiProperty({ type: NeedDeferralDto, nullable: true }) deferral!: NeedDeferralDto | null;
}

export class CoverageCountsDto {
  @ApiProperty({ type: 'integer' }) total!: number;
  @ApiProperty({ type: 'integer' }) unanswered!: number;
  @ApiProperty({ type: 'integer' }) deferred!: number;
  @ApiProperty({ type: 'integer' }) answered!: number;
}

export class NeedsCoverageDto {
  @ApiProperty({ format: 'uuid' }) roundId!: string;
  @ApiProperty({ type: [CoveredNeedDto], description: 'one page (limit, offset) of the needs neither answered by an item nor deferred' }) unanswered!: CoveredNeedDto[];
  @ApiProperty({ type: [CoveredNeedDto], description: 'one page of the deferred needs' }) deferred!: CoveredNeedDto[];
  @ApiProperty({ type: [CoveredNeedDto], description: 'one page of the needs an item of the draft answers' }) answered!: CoveredNeedDto[];
  @ApiProperty({ type: CoverageCountsDto, description: 'how many each section holds in all: page on (offset) while any section has more' }) counts!: CoverageCountsDto;
}

export class AskQuestionDto {
  @ApiProperty({ format: 'uuid', description: 'the department asking (the caller must be its management or coordinator)' })
  @IsUUID()
  departmentId!: string;

  @ApiProperty({ example: 'Vad förväntas av oss senast i maj?', maxLength: PLAN_DISCUSSION_TEXT_MAX })
  @Trim() @IsString() @MultiLine()
  question!: string;
}

export class AnswerQuestionDto {
  @ApiProperty({ example: 'En kontaktperson per förskoleområde, senast den 15 maj.', maxLength: PLAN_DISCUSSION_TEXT_MAX })
  @Trim() @IsString() @MultiLine()
  answer!: string;
}

export class QuestionListQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: "one department's threads; required for everyone but strategists and admins" })
  @IsOptional() @IsUUID()
  departmentId?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'only the questions not yet answered' })
  @IsOptional() @IsIn(['true', 'false'])
  unanswered?: 'true' | 'false';
}

export class CreatedQuestionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
}

export class PlanQuestionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) roundId!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'null once the item is removed from the draft' }) itemId!: string | null;
  @ApiProperty({ example: 'LS-3', description: "the item's code when the question was asked" }) itemCode!: string;
  @ApiProperty({ description: "the item's title when the question was asked" }) itemTitle!: string;
  @ApiProperty({ type: 'integer', nullable: true, description: 'the frozen version asked about (null: the draft)' }) version!: number | null;
  @ApiProperty({ format: 'uuid' }) departmentId!: string;
  @ApiProperty() departmentName!: string;
  @ApiProperty() question!: string;
  @ApiProperty() askedBy!: string;
  @ApiProperty() askedAt!: Date;
  @ApiProperty({ nullable: true, type: String }) answer!: string | null;
  @ApiProperty({ nullable: true, type: String }) answeredBy!: string | null;
  @ApiProperty({ nullable: true, type: Date }) answeredAt!: Date | null;
}
