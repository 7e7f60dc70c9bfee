import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsString, IsUUID, ValidateNested } from 'class-validator';
import {
  CONSULTATION_COVER_LETTER_MAX,
  CONSULTATION_QUESTION_MAX,
  CONSULTATION_QUESTIONS_MAX,
  EXTENSION_REASON_MAX,
  EXTENSION_STATUSES,
  extensionDeclineViolations,
  type ExtensionStatus,
  prepareShapeViolations,
  RECIPIENT_STATUSES,
  type RecipientStatus,
} from '@samverka/consultation';
import { IsLocalDate } from '../../../shell/is-local-date';
import { Trim } from '../../../shell/trim';
import { CheckedBy, MultiLine } from '../../../shell/validation';

export class ConsultationQuestionInputDto {
  @ApiPropertyOptional({ nullable: true, type: String, example: 'LS', description: "one of the round's areas; absent or null: about the whole plan" })
  @IsOptional() @IsString()
  areaCode?: string | null;

  @ApiProperty({ example: 'Hur vill nämnden följa upp insatserna?', maxLength: CONSULTATION_QUESTION_MAX })
  @Trim() @IsString() @MultiLine()
  text!: string;
}

@CheckedBy(prepareShapeViolations)
export class PrepareConsultationDto {
  @ApiProperty({ type: 'integer', example: 1, description: "a frozen version of the round's plan" })
  @IsInt()
  planVersion!: number;

  @ApiProperty({ format: 'date', example: '2027-03-31', description: 'the common reply date, after today' })
  @IsLocalDate()
  replyBy!: string;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'the recipient committees (default: every active committee)' })
  @IsOptional() @IsArray() @ArrayMaxSize(500) @IsUUID('all', { each: true })
  committeeIds?: string[];

  @ApiProperty({ maxLength: CONSULTATION_COVER_LETTER_MAX })
  @Trim() @IsString() @MultiLine()
  coverLetter!: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  @IsOptional() @IsUUID()
  contactPersonId?: string | null;

  @ApiPropertyOptional({ type: [ConsultationQuestionInputDto], maxItems: CONSULTATION_QUESTIONS_MAX })
  @IsOptional() @IsArray() @ArrayMaxSize(CONSULTATION_QUESTIONS_MAX) @ValidateNested({ each: true }) @Type(() => ConsultationQuestionInputDto)
  questions?: ConsultationQuestionInputDto[];
}

export class ConsultationContactDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ nullable: true, type: String }) title!: string | null;
}

export class ConsultationQuestionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ nullable: true, type: String }) areaCode!: string | null;
  @ApiProperty() text!: string;
}

export class ConsultationExtensionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'date' }) requestedReplyBy!: string;
  @ApiProperty() reason!: string;
  @ApiProperty() requestedBy!: string;
  @ApiProperty() requestedAt!: Date;
  @ApiProperty({ enum: EXTENSION_STATUSES }) status!: ExtensionStatus;
  @ApiProperty({ format: 'date', nullable: true, type: String }) decidedReplyBy!: string | null;
  @ApiProperty({ nullable: true, type: String }) decisionReason!: string | null;
  @ApiProperty({ nullable: true, type: String }) decidedBy!: string | null;
  @ApiProperty({ nullable: true, type: Date }) decidedAt!: Date | null;
}

export class ConsultationRecipientDto {
  @ApiProperty({ format: 'uuid' }) committeeId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ format: 'date', description: "the recipient's own reply date" }) replyBy!: string;
  @ApiProperty({ enum: RECIPIENT_STATUSES }) status!: RecipientStatus;
  @ApiProperty({ nullable: true, type: Date, description: 'when its current response was submitted' }) respondedAt!: Date | null;
  @ApiProperty({ type: [ConsultationExtensionDto] }) extensions!: ConsultationExtensionDto[];
}

export class ConsultationDto {
  @ApiProperty({ format: 'uuid' }) roundId!: string;
  @ApiProperty({ type: 'integer', description: 'the sending (utskick): 1, and one more each time the remiss is prepared again after the plan was returned' }) sending!: number;
  @ApiProperty({ type: 'integer' }) planVersion!: number;
  @ApiProperty({ format: 'date' }) replyBy!: string;
  @ApiProperty() coverLetter!: string;
  @ApiProperty({ type: ConsultationContactDto, nullable: true }) contactPerson!: ConsultationContactDto | null;
  @ApiProperty({ type: [ConsultationQuestionDto] }) questions!: ConsultationQuestionDto[];
  @ApiProperty({ nullable: true, type: Date, description: 'when SEND_FOR_CONSULTATION sent this sending (null: prepared, not sent)' }) sentAt!: Date | null;
  @ApiProperty({ type: [ConsultationRecipientDto] }) recipients!: ConsultationRecipientDto[];
}

export class RequestExtensionDto {
  @ApiProperty({ format: 'date', example: '2027-04-30', description: "after the recipient's current reply date" })
  @IsLocalDate()
  requestedReplyBy!: string;

  @ApiProperty({ maxLength: EXTENSION_REASON_MAX })
  @Trim() @IsString() @MultiLine()
  reason!: string;
}

export class ApproveExtensionDto {
  @ApiPropertyOptional({ format: 'date', description: 'another date than the one asked for' })
  @IsOptional() @IsLocalDate()
  replyBy?: string;
}

@CheckedBy(extensionDeclineViolations)
export class DeclineExtensionDto {
  @ApiProperty({ maxLength: EXTENSION_REASON_MAX })
  @Trim() @IsString() @MultiLine()
  reason!: string;
}

export class CreatedExtensionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
}
