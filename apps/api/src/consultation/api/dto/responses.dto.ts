import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsBoolean, IsIn, IsOptional, IsString, IsUUID, ValidateNested } from 'class-validator';
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_MEDIA_TYPES, RESPONSE_LIMITS, RESPONSE_STANCES, RESPONSE_STATUSES, responseViolations, type ResponseStance, type ResponseStatus } from '@samverka/consultation';
import type { LocalDate } from '@samverka/kernel';
import { IsLocalDate } from '../../../shell/is-local-date';
import { Trim } from '../../../shell/trim';
import { CheckedBy, MultiLine, MultiLineFrom } from '../../../shell/validation';

export class AreaCommentDto {
  @ApiProperty({ example: 'LOKAL_SERVICE', description: "one of the round's areas" })
  @Trim() @IsString()
  areaCode!: string;

  @ApiProperty({ maxLength: RESPONSE_LIMITS.comment })
  @Trim() @IsString() @MultiLine()
  comment!: string;
}

export class AnswerDto {
  @ApiProperty({ format: 'uuid', description: "one of the consultation's questions" })
  @IsUUID()
  questionId!: string;

  @ApiProperty({ maxLength: RESPONSE_LIMITS.answer })
  @Trim() @IsString() @MultiLine()
  answer!: string;
}

export class ProposalInputDto {
  @ApiProperty({ example: 'Överväga fysiska permanenta platser där prioriterade stadsdelar med många barn', maxLength: RESPONSE_LIMITS.proposal })
  @Trim() @IsString() @MultiLine()
  text!: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'LOKAL_SERVICE', description: "one of the round's areas" })
  @IsOptional() @Trim() @IsString()
  areaCode?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'LS-3', description: 'an item of the plan version sent' })
  @IsOptional() @Trim() @IsString()
  itemCode?: string | null;
}

const completeResponse = (dto: ResponseBodyDto, today: LocalDate) => responseViolations(dto, today, true);
const draftResponse = (dto: ResponseDraftDto, today: LocalDate) => responseViolations(dto, today, false);

/** A correction's body: the whole response again (the committee is the path's). Shape only: the rules are responseViolations (libs/consultation). */
@CheckedBy(completeResponse)
export class ResponseBodyDto {
  @ApiProperty({ enum: RESPONSE_STANCES, description: 'tillstyrker, tillstyrker med synpunkter, avstyrker, avstår' })
  @IsIn(RESPONSE_STANCES)
  stance!: ResponseStance;

  @ApiProperty({ maxLength: RESPONSE_LIMITS.summary })
  @Trim() @IsString() @MultiLine()
  summary!: string;

  @ApiProperty({ maxLength: RESPONSE_LIMITS.text, description: 'the full text, stored exactly as sent (nothing trimmed or corrected)' })
  @IsString() @MultiLine()
  text!: string;

  @ApiProperty({ type: String, format: 'date', example: '2025-03-26', description: 'the meeting that adopted the response; not in the future' })
  @IsLocalDate()
  adoptedOn!: string;

  @ApiProperty({ example: '§ 52', maxLength: RESPONSE_LIMITS.minuteReference })
  @Trim() @IsString()
  minuteReference!: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'FSKN-2025-00123', description: "the committee's own case number (er beteckning)", maxLength: RESPONSE_LIMITS.theirReference })
  @IsOptional() @Trim() @IsString()
  theirReference?: string | null;

  @ApiProperty({ type: [String], example: ['Susanne Nilsson'], maxItems: RESPONSE_LIMITS.signatories, description: 'at least one, unless the stance is decline' })
  @IsArray() @IsString({ each: true })
  signatories!: string[];

  @ApiPropertyOptional({ type: [AreaCommentDto] })
  @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => AreaCommentDto)
  areaComments?: AreaCommentDto[];

  @ApiPropertyOptional({ type: [AnswerDto] })
  @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => AnswerDto)
  answers?: AnswerDto[];

  @ApiPropertyOptional({ type: [ProposalInputDto], maxItems: RESPONSE_LIMITS.proposals, description: 'each a separate entry, as confirmed by the person entering the response' })
  @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => ProposalInputDto)
  proposals?: ProposalInputDto[];

  @ApiPropertyOptional({ description: 'entered by a strategist from a response received on paper (required for a strategist who is not the committee\'s secretary)' })
  @IsOptional() @IsBoolean()
  receivedOnPaper?: boolean;
}

@CheckedBy(completeResponse)
export class SubmitResponseDto extends ResponseBodyDto {
  @ApiProperty({ format: 'uuid', description: 'the responding committee (a recipient of the consultation)' })
  @IsUUID()
  committeeId!: string;
}

/** A correction: the whole response again; the earlier revision's signed document is kept unless a new one was attached to the draft or `removeAttachment`. */
export class ReviseResponseDto extends ResponseBodyDto {
  @ApiPropertyOptional({ description: "drop the earlier revision's signed document instead of keeping it (a document newly attached to the draft is still attached)" })
  @IsOptional() @IsBoolean()
  removeAttachment?: boolean;
}

/** A draft: any subset of the fields. */
@CheckedBy(draftResponse)
@MultiLineFrom(ResponseBodyDto)
export class ResponseDraftDto extends PartialType(OmitType(ResponseBodyDto, ['receivedOnPaper'] as const)) {}

export class ProposalSuggestionsRequestDto {
  @ApiProperty({ description: "the response's full text", maxLength: RESPONSE_LIMITS.text })
  @IsString() @MultiLine()
  text!: string;
}

export class FoundProposalDto {
  @ApiProperty() text!: string;
}

export class ProposalSuggestionsDto {
  @ApiProperty({ type: [FoundProposalDto], description: 'suggestions only: nothing is saved' }) proposals!: FoundProposalDto[];
}

export class CreatedProposalDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() text!: string;
}

export class SubmittedResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: 'integer', description: '1 for the first response, 2, 3 … for corrections' }) revision!: number;
  @ApiProperty({ type: [CreatedProposalDto] }) proposals!: CreatedProposalDto[];
}

export class ResponseProposalDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() text!: string;
  @ApiProperty({ type: String, nullable: true }) areaCode!: string | null;
  @ApiProperty({ type: String, nullable: true }) itemCode!: string | null;
}

export class ResponseAttachmentDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() fileName!: string;
  @ApiProperty({ enum: ATTACHMENT_MEDIA_TYPES }) mediaType!: string;
  @ApiProperty({ type: 'integer', maximum: ATTACHMENT_MAX_BYTES }) sizeBytes!: number;
  @ApiProperty() sha256!: string;
  @ApiProperty() uploadedByName!: string;
  @ApiProperty() uploadedAt!: Date;
}

export class UploadedAttachmentDto extends ResponseAttachmentDto {
  @ApiProperty({ type: String, nullable: true, description: "the text found in the document, to prefill the response's full text (not saved as it)" })
  extractedText!: string | null;
}

export class AreaCommentViewDto {
  @ApiProperty() areaCode!: string;
  @ApiProperty() comment!: string;
}

export class AnswerViewDto {
  @ApiProperty({ format: 'uuid' }) questionId!: string;
  @ApiProperty() answer!: string;
}

export class ResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) committeeId!: string;
  @ApiProperty({ type: 'integer', description: '0 for the draft' }) revision!: number;
  @ApiProperty({ type: 'integer', description: "the remiss's sending it answers: 1, or 2, 3 … when the plan was returned and sent on remiss again" }) sending!: number;
  @ApiProperty({ enum: RESPONSE_STATUSES }) status!: ResponseStatus;
  @ApiProperty({ enum: RESPONSE_STANCES, nullable: true }) stance!: ResponseStance | null;
  @ApiProperty({ type: String, nullable: true }) stanceLabel!: string | null;
  @ApiProperty({ type: String, nullable: true }) summary!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'exactly as entered' }) text!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) adoptedOn!: string | null;
  @ApiProperty({ type: String, nullable: true }) minuteReference!: string | null;
  @ApiProperty({ type: String, nullable: true }) theirReference!: string | null;
  @ApiProperty({ type: [String] }) signatories!: string[];
  @ApiProperty({ type: [AreaCommentViewDto] }) areaComments!: AreaCommentViewDto[];
  @ApiProperty({ type: [AnswerViewDto] }) answers!: AnswerViewDto[];
  @ApiProperty({ type: [ResponseProposalDto] }) proposals!: ResponseProposalDto[];
  @ApiProperty() receivedOnPaper!: boolean;
  @ApiProperty() createdByName!: string;
  @ApiProperty() updatedAt!: Date;
  @ApiProperty({ type: String, nullable: true }) submittedByName!: string | null;
  @ApiProperty({ type: Date, nullable: true }) submittedAt!: Date | null;
  @ApiProperty({ type: Date, nullable: true, description: 'a later revision, or a later sending of the remiss, replaced it' }) supersededAt!: Date | null;
  @ApiProperty({ type: ResponseAttachmentDto, nullable: true }) attachment!: ResponseAttachmentDto | null;
}

export class ConsultationQuestionViewDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, nullable: true }) areaCode!: string | null;
  @ApiProperty() text!: string;
}

export class CommitteeResponsesDto {
  @ApiProperty({ format: 'uuid' }) roundId!: string;
  @ApiProperty({ format: 'uuid' }) committeeId!: string;
  @ApiProperty() committeeName!: string;
  @ApiProperty({ type: String, format: 'date' }) replyBy!: string;
  @ApiProperty({ type: 'integer' }) planVersion!: number;
  @ApiProperty({ type: 'integer', description: "the remiss's current sending (1, or more once the plan was returned and sent again); a response of an earlier one is among the revisions" }) sending!: number;
  @ApiProperty({ type: [ConsultationQuestionViewDto] }) questions!: ConsultationQuestionViewDto[];
  @ApiProperty({ type: ResponseDto, nullable: true, description: 'the current submitted response' }) current!: ResponseDto | null;
  @ApiProperty({ type: ResponseDto, nullable: true }) draft!: ResponseDto | null;
  @ApiProperty({ type: [ResponseDto], description: 'earlier revisions (superseded by a correction or by a later sending), newest first' }) revisions!: ResponseDto[];
}
